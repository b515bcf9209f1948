using NuGet.Packaging;
using NuGet.Packaging.Core;
using Pipeline.Serialization;

namespace Pipeline.Trainer.Packaging;

/// <summary>
/// Lists the models an app or a folder feed holds, each with its compatibility with the running Pipeline.Core;
/// the library side of <c>pipeline validate</c>.
/// </summary>
public static class ModelInventory
{
    /// <summary>
    /// The models of an app: <c>models/*/</c> under <paramref name="directory"/> (an app's build or publish output),
    /// or, for a project directory, under its <c>bin/</c> outputs.
    /// </summary>
    public static IReadOnlyList<InstalledModel> FromApp(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw Errors.InputMissing("App directory", directory);
        }

        if (Directory.Exists(Path.Combine(directory, ModelPackages.DirectoryName)))
        {
            return ModelPackages.Find(directory);
        }

        var bin = Path.Combine(directory, "bin");
        if (!Directory.Exists(bin))
        {
            return [];
        }

        return Directory.EnumerateDirectories(bin, ModelPackages.DirectoryName, SearchOption.AllDirectories)
            .Select(models => Path.GetDirectoryName(models)!)
            .Order(StringComparer.Ordinal)
            .SelectMany(ModelPackages.Find)
            .DistinctBy(m => (m.PackageId, m.Version))
            .ToList();
    }

    /// <summary>The model packages among the .nupkg files of folder feed <paramref name="feed"/> (flat or id/version layout).</summary>
    public static IReadOnlyList<InstalledModel> FromFeed(string feed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(feed);
        if (!Directory.Exists(feed))
        {
            throw Errors.InputMissing("Package source", feed);
        }

        var models = new List<InstalledModel>();
        foreach (var nupkg in Directory.EnumerateFiles(feed, "*.nupkg", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (ReadModel(nupkg) is { } model)
            {
                models.Add(model);
            }
        }

        return models.OrderBy(m => m.PackageId, StringComparer.Ordinal).ThenBy(m => m.Version, StringComparer.Ordinal).ToList();
    }

    private static InstalledModel? ReadModel(string nupkg)
    {
        try
        {
            using var reader = new PackageArchiveReader(nupkg);
            var id = reader.GetIdentity().Id;
            var metaEntry = $"{ModelPackages.DirectoryName}/{id}/{LanguageSerializer.MetaFile}";
            if (!reader.GetFiles().Any(f => f.Replace('\\', '/').Equals(metaEntry, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            using var stream = reader.GetStream(metaEntry);
            using var text = new StreamReader(stream);
            var meta = ModelMeta.Parse(text.ReadToEnd(), $"{nupkg} ({metaEntry})");
            return new InstalledModel(id, meta.Version, meta.FrameworkVersion, nupkg, FrameworkCompatibility.Check(meta.FrameworkVersion));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or PackagingException or PipelineException)
        {
            return null;
        }
    }
}
