using Pipeline.Serialization;

namespace Pipeline;

/// <summary>Builds a pipeline from a model directory: meta.json, then the factories, then the data.</summary>
internal static class ModelLoader
{
    public static Language Load(string nameOrPath, IReadOnlyDictionary<string, object?> overrides)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        if (Directory.Exists(nameOrPath))
        {
            return LoadDirectory(nameOrPath, overrides);
        }

        var packaged = ModelPackages.TryLocate(nameOrPath);
        if (packaged is null)
        {
            throw Errors.ModelNotFound(nameOrPath, ModelPackages.Find().Select(m => $"{m.PackageId} {m.Version}"));
        }

        return LoadDirectory(packaged, overrides);
    }

    public static Language LoadDirectory(string path, IReadOnlyDictionary<string, object?> overrides)
    {
        var metaPath = Path.Combine(path, LanguageSerializer.MetaFile);
        var meta = ModelMeta.Read(metaPath);
        var status = FrameworkCompatibility.Warn(meta);
        var nlp = Build(meta, overrides);
        try
        {
            nlp.FromDisk(path);
        }
        catch (PipelineFormatException e) when (status == CompatibilityStatus.Incompatible)
        {
            throw Errors.IncompatibleModelData(path, $"{meta.PackageId} {meta.Version}", meta.FrameworkVersion!, Nlp.Version, e);
        }

        return nlp;
    }

    /// <summary>A pipeline with the language and components <paramref name="meta"/> names, without their data.</summary>
    public static Language Build(ModelMeta meta, IReadOnlyDictionary<string, object?> overrides)
    {
        var nlp = Nlp.Blank(meta.Lang);
        foreach (var name in meta.Pipeline)
        {
            if (!Language.Factories.TryGet(name, out var factory))
            {
                throw Errors.UnknownFactory(name, Language.Factories.Names);
            }

            nlp.AddPipe(factory(nlp, overrides), name);
        }

        return nlp;
    }
}
