using Pipeline.Serialization;

namespace Pipeline;

/// <summary>Builds a pipeline from a model directory: meta.json, then the factories, then the data.</summary>
internal static class ModelLoader
{
    public static Language Load(string nameOrPath, IReadOnlyDictionary<string, object?> overrides)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        if (!Directory.Exists(nameOrPath))
        {
            throw Errors.ModelNotFound(nameOrPath, []);
        }

        return LoadDirectory(nameOrPath, overrides);
    }

    public static Language LoadDirectory(string path, IReadOnlyDictionary<string, object?> overrides)
    {
        var metaPath = Path.Combine(path, LanguageSerializer.MetaFile);
        var meta = ModelMeta.Read(metaPath);
        var nlp = Nlp.Blank(meta.Lang);
        foreach (var name in meta.Pipeline)
        {
            if (!Language.Factories.TryGet(name, out var factory))
            {
                throw Errors.UnknownFactory(name, Language.Factories.Names);
            }

            nlp.AddPipe(factory(nlp, overrides), name);
        }

        nlp.FromDisk(path);
        return nlp;
    }
}
