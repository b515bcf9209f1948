using System.Xml;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using Pipeline.IO;
using Pipeline.Serialization;

namespace Pipeline.Trainer.Packaging;

/// <summary>
/// Lists the models an app or a folder feed holds, each with its compatibility with the running Pipeline.Core,
/// and the packages or model folders that cannot be read; the library side of <c>pipeline validate</c>.
/// </summary>
public static class ModelInventory
{
    // The codes of a model whose factory or language comes from a plugin this process has not loaded.
    private const string PluginMissingFactory = "E001";
    private const string PluginMissingLanguage = "E002";

    /// <summary>
    /// The readable models of an app: <c>models/*/</c> under <paramref name="directory"/> (an app's build or publish
    /// output), or, for a project directory, under its <c>bin/</c> outputs. <see cref="ScanApp"/> also names the broken ones.
    /// </summary>
    public static IReadOnlyList<InstalledModel> FromApp(string directory) => ScanApp(directory).Models;

    /// <summary>The readable model packages among the .nupkg files of folder feed <paramref name="feed"/>; see <see cref="ScanFeed"/>.</summary>
    public static IReadOnlyList<InstalledModel> FromFeed(string feed) => ScanFeed(feed).Models;

    /// <summary>
    /// The models of an app (as <see cref="FromApp"/>), one per model folder (a model copied to several outputs, e.g.
    /// bin/Debug and bin/Release, is listed once per folder), and its model folders that cannot be loaded: a
    /// <c>models/&lt;id&gt;/</c> without meta.json (E149), with a meta.json that does not parse (e.g. E004), or, with
    /// <paramref name="loadData"/>, whose data does not load (<see cref="Nlp.Load"/> of the folder fails, e.g. E008
    /// for a corrupt file or E007 for a missing one). A model whose factories or language no referenced assembly
    /// provides (E001, E002: a plugin the app has but this process lacks) goes to
    /// <see cref="ModelInventoryResult.Unchecked"/> instead, with the models.
    /// </summary>
    public static ModelInventoryResult ScanApp(string directory, bool loadData = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw TrainerErrors.InputMissing("App directory", directory);
        }

        IEnumerable<string> roots = [directory];
        if (!Directory.Exists(Path.Combine(directory, ModelPackages.DirectoryName)))
        {
            var bin = Path.Combine(directory, "bin");
            roots = Directory.Exists(bin)
                ? Directory.EnumerateDirectories(bin, ModelPackages.DirectoryName, SearchOption.AllDirectories)
                    .Select(models => Path.GetDirectoryName(models)!)
                    .Order(StringComparer.Ordinal)
                : [];
        }

        var models = new List<InstalledModel>();
        var unreadable = new List<UnreadableModel>();
        foreach (var root in roots)
        {
            models.AddRange(ModelPackages.Find(root, (path, error) => unreadable.Add(new UnreadableModel(path, error))));
        }

        var notLoaded = new List<UnreadableModel>();
        if (loadData)
        {
            foreach (var model in models.ToList())
            {
                try
                {
                    Nlp.Load(model.Path);
                }
                catch (PipelineException e) when (e.Code is PluginMissingFactory or PluginMissingLanguage)
                {
                    notLoaded.Add(new UnreadableModel(model.Path, e));
                }
                catch (PipelineException e)
                {
                    models.Remove(model);
                    unreadable.Add(new UnreadableModel(model.Path, e));
                }
            }
        }

        return new ModelInventoryResult(
            models.OrderBy(m => m.PackageId, StringComparer.Ordinal).ThenBy(m => m.Path, StringComparer.Ordinal).ToList(),
            unreadable.OrderBy(u => u.Path, StringComparer.Ordinal).ToList())
        {
            Unchecked = notLoaded,
        };
    }

    /// <summary>
    /// The model packages among the .nupkg files of folder feed <paramref name="feed"/> (flat or id/version layout),
    /// and the .nupkg files that cannot be read: not a zip archive, truncated, without a valid .nuspec (E148), or a
    /// model package whose meta.json is missing or does not parse. Readable packages that hold no model are left out.
    /// Only the package and its meta.json are read: the data of a packed model is not loaded (it is checked when the
    /// package is made, and <see cref="ScanApp"/> loads it once an app has it).
    /// </summary>
    public static ModelInventoryResult ScanFeed(string feed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(feed);
        if (!Directory.Exists(feed))
        {
            throw TrainerErrors.InputMissing("Package source", feed);
        }

        var models = new List<InstalledModel>();
        var unreadable = new List<UnreadableModel>();
        foreach (var nupkg in Directory.EnumerateFiles(feed, "*.nupkg", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                if (ReadModel(nupkg) is { } model)
                {
                    models.Add(model);
                }
            }
            catch (PipelineException e)
            {
                unreadable.Add(new UnreadableModel(nupkg, e));
            }
        }

        return new ModelInventoryResult(
            models.OrderBy(m => m.PackageId, StringComparer.Ordinal).ThenBy(m => m.Version, StringComparer.Ordinal)
                .ThenBy(m => m.Path, StringComparer.Ordinal).ToList(),
            unreadable);
    }

    /// <summary>The model in <paramref name="nupkg"/>; null for a package that holds no model; a format error when it cannot be read.</summary>
    private static InstalledModel? ReadModel(string nupkg)
    {
        string metaEntry;
        string id;
        string json;
        try
        {
            // Not opened unless a regular file (a FIFO would block); the .nuspec NuGet parses is unpacked first
            // within the cap, so neither it nor meta.json can expand into gigabytes.
            InputFiles.RequireRegular(nupkg);
            CheckNuspec(nupkg);
            using var reader = new PackageArchiveReader(nupkg);
            id = reader.GetIdentity().Id;
            var folder = $"{ModelPackages.DirectoryName}/{id}/";
            metaEntry = folder + ModelMeta.FileName;
            var files = reader.GetFiles().Select(f => f.Replace('\\', '/')).ToList();
            var entry = files.FirstOrDefault(f => f.Equals(metaEntry, StringComparison.OrdinalIgnoreCase));
            if (entry is null)
            {
                if (files.Any(f => f.StartsWith(folder, StringComparison.OrdinalIgnoreCase)))
                {
                    throw TrainerErrors.NupkgUnreadable(nupkg, $"it holds model data in '{folder}' but no '{metaEntry}'");
                }

                return null;
            }

            using var stream = reader.GetStream(entry);
            json = InputFiles.Decode(ReadEntry(stream, $"{nupkg} ({metaEntry})"), $"{nupkg} ({metaEntry})");
        }
        catch (Exception e) when (e is InvalidDataException or IOException or PackagingException or XmlException
            or InvalidOperationException or ArgumentException or FormatException or UnauthorizedAccessException or NotSupportedException)
        {
            var detail = e.InnerException?.Message ?? e.Message;
            throw TrainerErrors.NupkgUnreadable(nupkg, e is InvalidDataException ? $"not a valid zip archive: {detail}" : detail, e);
        }

        var meta = ModelMeta.Parse(json, $"{nupkg} ({metaEntry})");
        return new InstalledModel(id, meta.Version, meta.FrameworkVersion, nupkg, FrameworkCompatibility.Check(meta.FrameworkVersion));
    }

    // Unpacks each .nuspec at the root of the archive within the cap (E163), before NuGet reads one whole.
    private static void CheckNuspec(string nupkg)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(nupkg);
        foreach (var entry in zip.Entries.Where(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase)))
        {
            using var stream = entry.Open();
            ReadEntry(stream, $"{nupkg} ({entry.FullName})");
        }
    }

    // The bytes of a package entry, at most InputFiles.MetaBytes of them once unpacked (E163): the size an archive
    // declares for an entry is not trusted.
    private static byte[] ReadEntry(Stream stream, string source) =>
        InputFiles.ReadAllBytes(stream, InputFiles.MetaBytes, source, "the package entry");
}
