using System.Text.Json;
using Pipeline.Registry.Plugins;
using Pipeline.Serialization;

namespace Pipeline;

/// <summary>Builds a pipeline from a model directory: meta.json, then the factories, then the data.</summary>
internal static class ModelLoader
{
    /// <summary>The overrides key whose value maps component names to settings for that component only.</summary>
    public const string ComponentConfigKey = "component_cfg";

    /// <summary>The meta.json key whose value maps component names to their saved factory settings.</summary>
    public const string PipelineArgsKey = "pipeline_args";

    public static Language Load(string nameOrPath, IReadOnlyDictionary<string, object?> overrides, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        cancellationToken.ThrowIfCancellationRequested();
        if (Directory.Exists(nameOrPath))
        {
            return LoadDirectory(nameOrPath, overrides, cancellationToken);
        }

        var packaged = ModelPackages.TryLocate(nameOrPath);
        if (packaged is null)
        {
            throw Errors.ModelNotFound(nameOrPath, ModelPackages.Find().Select(m => $"{m.PackageId} {m.Version}"));
        }

        return LoadDirectory(packaged, overrides, cancellationToken);
    }

    /// <summary>Loads a model directory; <paramref name="cancellationToken"/> is checked between the steps (meta.json, components, data).</summary>
    public static Language LoadDirectory(string path, IReadOnlyDictionary<string, object?> overrides, CancellationToken cancellationToken = default)
    {
        var metaPath = Path.Combine(path, ModelMeta.FileName);
        try
        {
            // Plugin discovery reads the app's deps.json and needs nothing of the model: it runs beside the meta read.
            var discovery = PluginDiscovery.HasScanned ? Task.CompletedTask : Task.Run(PluginDiscovery.EnsureScanned);
            var meta = ModelMeta.Read(metaPath);
            // The version check (NuGet's range parser) runs beside the build and the data; its warning follows.
            var compatibility = Task.Run(() => FrameworkCompatibility.Check(meta.FrameworkVersion));
            discovery.GetAwaiter().GetResult();
            cancellationToken.ThrowIfCancellationRequested();
            var nlp = Build(meta, overrides, metaPath);
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                // meta.json was read and checked above: not parsed a second time.
                nlp.Meta = meta;
                nlp.FromDisk(path, ["meta"]);
            }
            catch (PipelineFormatException e) when (FrameworkCompatibility.Warn(meta, compatibility.Result) == CompatibilityStatus.Incompatible)
            {
                throw Errors.IncompatibleModelData(path, $"{meta.PackageId} {meta.Version}", meta.FrameworkVersion!, Nlp.Version, e);
            }

            FrameworkCompatibility.Warn(meta, compatibility.Result);
            WarnUnreadArgs(nlp, meta, metaPath);
            return nlp;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not (FileNotFoundException or DirectoryNotFoundException))
        {
            // A file of the model that the system cannot read (or one too large for it): the documented format error.
            throw Errors.FileUnreadable(path, e);
        }
    }

    // W031 for each key of "pipeline_args" that nothing read: a component name not in the pipeline, or a setting its
    // component never asked for, each with the nearest known name.
    private static void WarnUnreadArgs(Language nlp, ModelMeta meta, string metaPath)
    {
        if (!meta.Extra.TryGetValue(PipelineArgsKey, out var args) || args.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var component in args.EnumerateObject())
        {
            if (!nlp.HasPipe(component.Name))
            {
                Warnings.UnknownPipelineArg(metaPath, component.Name, component.Name, NearestName.Find(component.Name, nlp.PipeNames));
                continue;
            }

            if (nlp.ConfigOf(nlp.GetPipe(component.Name)) is not TrackedConfig { Enumerated: false } config ||
                component.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var setting in component.Value.EnumerateObject().Where(s => !config.Asked.Contains(s.Name)))
            {
                Warnings.UnknownPipelineArg(metaPath, $"{component.Name}.{setting.Name}", setting.Name, NearestName.Find(setting.Name, config.Asked));
            }
        }
    }

    /// <summary>
    /// A pipeline with the language and components <paramref name="meta"/> names, without their data; a factory
    /// or language no assembly provides fails naming the packages meta.json requires.
    /// </summary>
    public static Language Build(ModelMeta meta, IReadOnlyDictionary<string, object?> overrides, string metaPath)
    {
        var path = Path.GetDirectoryName(metaPath) ?? metaPath;
        PluginDiscovery.EnsureScanned();
        var languageMissing = !Nlp.Languages.Contains(meta.Lang);
        var missing = meta.Pipeline.FirstOrDefault(name => !Language.Factories.Contains(name));
        if (missing is not null)
        {
            throw Errors.ModelFactoryMissing(path, missing, meta.Requirements, Language.Factories.Names, languageMissing ? meta.Lang : null);
        }

        if (languageMissing)
        {
            throw Errors.ModelLanguageMissing(path, meta.Lang, meta.Requirements, Nlp.Languages.Codes);
        }

        var nlp = Nlp.Blank(meta.Lang);
        foreach (var name in meta.Pipeline)
        {
            nlp.AddPipe(nlp.CreatePipe(name, new TrackedConfig(ConfigFor(meta, name, overrides, metaPath))), name);
        }

        return nlp;
    }

    /// <summary>
    /// The settings a component gets: its "pipeline_args" entry of meta.json, then every override (all factories
    /// see them, as before), then the override <c>component_cfg[name]</c> meant for this component alone.
    /// </summary>
    internal static Dictionary<string, object?> ConfigFor(ModelMeta meta, string name, IReadOnlyDictionary<string, object?> overrides, string source)
    {
        var config = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (meta.Extra.TryGetValue(PipelineArgsKey, out var args) && args.ValueKind != JsonValueKind.Null)
        {
            if (args.ValueKind != JsonValueKind.Object)
            {
                throw Errors.MetaField(source, PipelineArgsKey, "must be an object mapping component names to settings objects");
            }

            if (args.TryGetProperty(name, out var mine) && mine.ValueKind != JsonValueKind.Null)
            {
                if (mine.ValueKind != JsonValueKind.Object)
                {
                    throw Errors.MetaField(source, $"{PipelineArgsKey}.{name}", "must be an object of settings");
                }

                foreach (var property in mine.EnumerateObject())
                {
                    config[property.Name] = property.Value.Clone();
                }
            }
        }

        foreach (var (key, value) in overrides)
        {
            if (key != ComponentConfigKey)
            {
                config[key] = value;
            }
        }

        if (overrides.TryGetValue(ComponentConfigKey, out var perComponent) && perComponent is not null)
        {
            var own = perComponent switch
            {
                IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> d => d.GetValueOrDefault(name),
                IReadOnlyDictionary<string, Dictionary<string, object?>> d => d.GetValueOrDefault(name),
                IReadOnlyDictionary<string, object?> d => d.GetValueOrDefault(name) as IReadOnlyDictionary<string, object?>,
                _ => throw Errors.InvalidArgument(
                    $"Override '{ComponentConfigKey}'",
                    "must map component names to settings dictionaries, e.g. new Dictionary<string, object?> { [\"ner\"] = new Dictionary<string, object?> { ... } }"),
            };
            foreach (var (key, value) in own ?? new Dictionary<string, object?>())
            {
                config[key] = value;
            }
        }

        return config;
    }
}
