using System.Reflection;
using Pipeline.Registry;
using Pipeline.Registry.Plugins;

namespace Pipeline;

/// <summary>Entry points: create a blank pipeline, or load a model from a directory or an installed package.</summary>
public static class Nlp
{
    /// <summary>
    /// The registered language classes: built-in ones, those that referenced assemblies expose with
    /// <c>[assembly: PipelineLanguage(...)]</c> (found on first use) and those registered in code.
    /// </summary>
    public static LanguageRegistry Languages
    {
        get
        {
            PluginDiscovery.EnsureScanned();
            return AllLanguages;
        }
    }

    /// <summary>
    /// Named sets of lookup tables (e.g. lemma lookups), from referenced assemblies that expose them with
    /// <c>[assembly: PipelineLookups(...)]</c> or registered in code.
    /// </summary>
    public static LookupsRegistry Lookups
    {
        get
        {
            PluginDiscovery.EnsureScanned();
            return AllLookups;
        }
    }

    internal static LanguageRegistry AllLanguages { get; } = new(discover: true);

    internal static LookupsRegistry AllLookups { get; } = new(discover: true);

    /// <summary>The version of Pipeline.Core that is running.</summary>
    public static string Version { get; } = ReadVersion();

    /// <summary>The NuGet range of Pipeline.Core versions that can load models saved by this one.</summary>
    public static string CompatibleRange { get; } = RangeFor(Version);

    /// <summary>A pipeline of the language with no components.</summary>
    public static Language Blank(string lang) => Languages.Create(lang);

    /// <summary>
    /// A pipeline with the language and components <paramref name="meta"/> names, created through their factories
    /// but without their data (fill it with <see cref="Language.FromDisk"/>): how a packaging tool checks that a model
    /// folder loads with a meta.json other than its own. <paramref name="metaPath"/> names the meta in errors; a
    /// factory or language no assembly provides fails naming the packages the meta requires.
    /// </summary>
    public static Language FromMeta(ModelMeta meta, string metaPath)
    {
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(metaPath);
        return ModelLoader.Build(meta, new Dictionary<string, object?>(), metaPath);
    }

    /// <summary>The language class registered for a code, e.g. typeof(English) for "en".</summary>
    public static Type GetLanguageClass(string lang) => Languages.GetClass(lang);

    /// <summary>
    /// Loads a model: <paramref name="nameOrPath"/> is a directory holding meta.json, or the name of a model package
    /// the app references (its data lies in <c>models/&lt;name&gt;/</c> beside the app, see <see cref="ModelPackages"/>).
    /// Every component named in meta.json's "pipeline" is created through its factory, with
    /// <paramref name="overrides"/> passed in its config, then the saved data is loaded. A model whose
    /// <c>framework_version</c> excludes the running <see cref="Version"/> raises warning W010 (error E121 when its
    /// data cannot be read). An unknown name raises E006, listing the models the app can see. Model files that cannot
    /// be read raise <see cref="PipelineFormatException"/>: corrupt data (E004-E008), a file that is not a regular file
    /// (E160), over its size cap (E161, e.g. a tokenizer over 1 GiB), or one the system cannot read (E165).
    /// <paramref name="cancellationToken"/> is checked between the loading steps (finding the model, meta.json,
    /// creating the components, reading their data) and stops the load with <see cref="OperationCanceledException"/>.
    /// </summary>
    public static Language Load(string nameOrPath, Dictionary<string, object?>? overrides = null, CancellationToken cancellationToken = default) =>
        ModelLoader.Load(nameOrPath, overrides ?? [], cancellationToken);

    /// <summary>
    /// <see cref="Load"/> on the thread pool, so a UI or request thread stays free while the model's files are read
    /// (loading is file and CPU work; there is no asynchronous I/O to await). A null or blank name throws at once;
    /// other errors and cancellation surface through the returned task.
    /// </summary>
    public static Task<Language> LoadAsync(string nameOrPath, Dictionary<string, object?>? overrides = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        return Task.Run(() => Load(nameOrPath, overrides, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Registers the factories, languages, lookup tables and displaCy colors that <paramref name="assembly"/> exposes
    /// with the plugin attributes (<c>[assembly: PipelineFactory(...)]</c> and the others), exactly as discovery would.
    /// Apps running on the JIT never need it: plugin assemblies are found on first use. A Native AOT app has no
    /// assemblies to scan, so it names each plugin package once, before loading, e.g.
    /// <c>Nlp.AddPlugin(typeof(Snek.SnekFactory).Assembly)</c>; the attributes themselves are kept by the AOT
    /// compiler (their types are annotated for it). Returns false when the assembly was registered already.
    /// </summary>
    public static bool AddPlugin(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return PluginDiscovery.Add(assembly);
    }

    private static string ReadVersion()
    {
        var informational = typeof(Nlp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? "0.0.0";
    }

    private static string RangeFor(string version)
    {
        var core = version.Split('-')[0].Split('.');
        var major = int.Parse(core[0], System.Globalization.CultureInfo.InvariantCulture);
        var minor = core.Length > 1 ? int.Parse(core[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
        return major == 0 ? $"[0.{minor}.0, 0.{minor + 1}.0)" : $"[{major}.{minor}.0, {major + 1}.0.0)";
    }
}
