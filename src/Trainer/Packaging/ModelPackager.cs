using Pipeline.Components;
using Pipeline.IO;
using Pipeline.Serialization;
using Pipeline.Trainer.Plugins;
using Pipeline.Training;

namespace Pipeline.Trainer.Packaging;

/// <summary>
/// Turns a model directory into a NuGet package project, <c>&lt;output&gt;/&lt;lang&gt;_&lt;name&gt;-&lt;version&gt;/</c>:
/// <c>&lt;lang&gt;_&lt;name&gt;.csproj</c>, meta.json, the entry class, the model card README.md, buildTransitive
/// targets that copy the data to <c>models/&lt;lang&gt;_&lt;name&gt;/</c> of the consuming app, and the data in
/// <c>&lt;lang&gt;_&lt;name&gt;-&lt;version&gt;/</c>. It refuses an output that overlaps the model directory and a model
/// directory holding symbolic links, validates the meta, checks that the model loads, and with
/// <see cref="PackageOptions.Build"/> runs <c>dotnet pack</c> and verifies the .nupkg.
/// </summary>
public static class ModelPackager
{
    /// <summary>The meta fields <c>--meta key=value</c> and <c>--create-meta</c> set, in the order they are asked.</summary>
    public static readonly IReadOnlyList<string> MetaFields =
        ["lang", "name", "version", "framework_version", "pipeline", "description", "author", "email", "url", "license", "sources", "tags"];

    /// <summary>The fields <c>--create-meta</c> asks for.</summary>
    public static readonly IReadOnlyList<string> PromptedFields =
        ["lang", "name", "version", "framework_version", "pipeline", "description", "author", "email", "url", "license"];

    /// <summary>
    /// Environment variable with extra NuGet sources for <see cref="PackageOptions.Build"/> (separated like PATH),
    /// added to <see cref="PackageOptions.Sources"/>; lets scripts that call <c>pipeline package ... --build</c>
    /// point at a folder feed holding Pipeline.Core without changing the command.
    /// </summary>
    public const string SourcesVariable = "PIPELINE_PACKAGE_SOURCES";

    /// <summary>The folder, inside the package directory, that receives the built .nupkg.</summary>
    public const string DistDirectory = "dist";

    /// <summary>Makes the package project (and with <see cref="PackageOptions.Build"/>, the .nupkg).</summary>
    public static PackageResult Package(PackageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var input = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Input));
        if (!Directory.Exists(input))
        {
            throw TrainerErrors.InputMissing("Model directory", options.Input);
        }

        AtomicFile.CheckDirectoryTarget(options.Output);
        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Output));
        ModelFolderGuard.RefuseOutputInsideModel(input, output);
        ModelFolderGuard.RefuseLinks(input);

        if (options.Build)
        {
            // What dotnet pack would get is checked before anything is written (E183).
            MsBuildValue.RefuseAsProjectFolder(output, "package output folder (with --build)");
            PackArguments(Path.Combine(output, "project.csproj"), BuildSources(options));
        }

        // One writer per output folder (E180).
        using var folderLock = FolderLock.Acquire(output, FolderLock.CommandOf("package"));
        PackageLeftovers.Remove(output);

        var meta = ResolveMeta(options, input);
        WarnOfDefaults(meta, options);
        var source = options.MetaPath ?? Path.Combine(options.Input, ModelMeta.FileName);
        if (options.MetaPath is null && !File.Exists(source))
        {
            source = "The meta of --create-meta";
        }

        if (meta.FrameworkVersion is null && MetaValidator.Validate(meta).Count == 0)
        {
            meta.FrameworkVersion = Nlp.CompatibleRange;
            TrainerWarnings.FrameworkVersionFilled(meta.PackageId, meta.FrameworkVersion);
        }

        MetaValidator.ThrowIfInvalid(meta, source, options.MetaValues);
        LoadPlugins(options.Plugins);
        ToolPlugins.LoadFor(meta, options.MetaPath ?? Path.Combine(options.Input, ModelMeta.FileName), options.PluginsFolder);
        CheckLoads(meta, input);
        var range = FrameworkCompatibility.ParseRange(meta.FrameworkVersion)!.ToNormalizedString();
        var directory = Path.Combine(output, PackageNaming.VersionedName(meta));
        ModelFolderGuard.RefuseModelInsidePackage(input, directory);
        if (Path.Exists(directory) && !options.Force)
        {
            throw TrainerErrors.PackageExists(directory);
        }

        var dataFiles = DataFiles(input);
        AtomicFile.ReplaceDirectory(directory, tmp => Write(tmp, input, meta, range, dataFiles));
        var project = Path.Combine(directory, $"{meta.PackageId}.csproj");
        var entry = $"{PackageNaming.EntryNamespace}.{PackageNaming.EntryClassName(meta.PackageId)}";
        var nupkg = options.Build ? Build(options, project, meta, range, dataFiles) : null;
        return new PackageResult(meta, directory, project, entry, nupkg);
    }

    /// <summary>Sets meta field <paramref name="key"/> from text (lists comma-separated); error E132 for an unknown key.</summary>
    public static void SetField(ModelMeta meta, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        var list = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        switch (key)
        {
            case "lang": meta.Lang = text; break;
            case "name": meta.Name = text; break;
            case "version": meta.Version = text; break;
            case "framework_version": meta.FrameworkVersion = text.Length == 0 ? null : text; break;
            case "description": meta.Description = text; break;
            case "author": meta.Author = text; break;
            case "email": meta.Email = text; break;
            case "url": meta.Url = text; break;
            case "license": meta.License = text; break;
            case "pipeline": meta.Pipeline = [.. list]; break;
            case "sources": meta.Sources = [.. list.Select(s => new ModelSource { Name = s })]; break;
            case "tags": meta.Extra["tags"] = System.Text.Json.JsonSerializer.SerializeToElement(list); break;
            default: throw TrainerErrors.BadMetaOption($"{key}={value}", $"sets an unknown field '{key}'");
        }
    }

    /// <summary>The meta field <paramref name="key"/> as text, for prompts.</summary>
    public static string? GetField(ModelMeta meta, string key)
    {
        ArgumentNullException.ThrowIfNull(meta);
        return key switch
        {
            "lang" => meta.Lang,
            "name" => meta.Name,
            "version" => meta.Version,
            "framework_version" => meta.FrameworkVersion,
            "description" => meta.Description,
            "author" => meta.Author,
            "email" => meta.Email,
            "url" => meta.Url,
            "license" => meta.License,
            "pipeline" => string.Join(", ", meta.Pipeline),
            "sources" => string.Join(", ", meta.Sources.Select(s => s.Name)),
            "tags" => string.Join(", ", PackageTemplates.ReadTags(meta)),
            _ => null,
        };
    }

    private static ModelMeta ResolveMeta(PackageOptions options, string input)
    {
        var modelMetaPath = Path.Combine(input, ModelMeta.FileName);
        var model = File.Exists(modelMetaPath) ? ModelMeta.ReadDraft(modelMetaPath) : null;
        ModelMeta meta;
        if (options.MetaPath is not null)
        {
            if (!File.Exists(options.MetaPath))
            {
                throw TrainerErrors.InputMissing("Meta file (--meta-path)", options.MetaPath);
            }

            meta = ModelMeta.ReadDraft(options.MetaPath);
            if (model is not null)
            {
                // The data decides the pipeline; scores and labels come from the model unless the template has them.
                meta.Pipeline = model.Pipeline;
                meta.Labels = meta.Labels.Count > 0 ? meta.Labels : model.Labels;
                meta.Accuracy = meta.Accuracy.Count > 0 ? meta.Accuracy : model.Accuracy;
                meta.Speed = meta.Speed.Count > 0 ? meta.Speed : model.Speed;
                meta.Lang = string.IsNullOrWhiteSpace(meta.Lang) ? model.Lang : meta.Lang;
                meta.FrameworkVersion ??= model.FrameworkVersion;
            }
        }
        else if (model is not null)
        {
            meta = model;
        }
        else if (options.CreateMeta)
        {
            meta = new ModelMeta();
        }
        else
        {
            throw TrainerErrors.PackageMetaMissing(options.Input);
        }

        foreach (var (key, value) in options.MetaValues)
        {
            SetField(meta, key, value);
        }

        if (options.CreateMeta && options.Prompt is { } prompt)
        {
            foreach (var field in PromptedFields.Where(f => !options.MetaValues.ContainsKey(f)))
            {
                var answer = prompt(field, GetField(meta, field));
                if (!string.IsNullOrWhiteSpace(answer))
                {
                    SetField(meta, field, answer);
                }
            }
        }

        return meta;
    }

    /// <summary>Loads plugin assemblies; their attributes are found the first time a factory or language is missing.</summary>
    private static void LoadPlugins(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            try
            {
                System.Reflection.Assembly.LoadFrom(Path.GetFullPath(path));
            }
            catch (Exception e) when (e is IOException or BadImageFormatException or ArgumentException or System.Security.SecurityException)
            {
                throw TrainerErrors.PluginUnloadable(path, e.Message);
            }
        }
    }

    /// <summary>
    /// W046 when the package would be named or versioned by a default nobody chose: the name "model" (what
    /// <c>pipeline train</c> writes without a meta template) or "pipeline" (Nlp.Blank), or version 0.0.0.
    /// </summary>
    private static void WarnOfDefaults(ModelMeta meta, PackageOptions options)
    {
        var defaults = new List<string>();
        if (!options.MetaValues.ContainsKey("name") && meta.Name is "model" or "pipeline")
        {
            defaults.Add($"name '{meta.Name}'");
        }

        if (!options.MetaValues.ContainsKey("version") && meta.Version == "0.0.0")
        {
            defaults.Add("version '0.0.0'");
        }

        if (defaults.Count > 0)
        {
            TrainerWarnings.PackageDefaults(meta.PackageId, meta.Version, defaults);
        }
    }

    /// <summary>Builds the pipeline the meta names and loads the data into it, so a broken model is never packaged.</summary>
    private static void CheckLoads(ModelMeta meta, string input)
    {
        try
        {
            var nlp = Nlp.FromMeta(meta, Path.Combine(input, ModelMeta.FileName));
            nlp.FromDisk(input, exclude: ["meta"]);
            if (meta.Labels.Count == 0)
            {
                meta.Labels = nlp.Pipeline
                    .Select(p => (p.Name, Labels: p.Pipe switch
                    {
                        ITrainable trainable => trainable.Labels,
                        EntityRuler ruler => ruler.Labels,
                        _ => null,
                    }))
                    .Where(p => p.Labels is { Count: > 0 })
                    .ToDictionary(p => p.Name, p => p.Labels!.ToList());
            }
        }
        catch (PipelineException e)
        {
            throw TrainerErrors.PackageModelUnloadable(input, e);
        }
    }

    private static List<string> DataFiles(string input) =>
        Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(input, f))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part.Contains(".tmp-", StringComparison.Ordinal)))
            .Where(f => f != ModelMeta.FileName)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static void Write(string directory, string input, ModelMeta meta, string range, IReadOnlyList<string> dataFiles)
    {
        var id = meta.PackageId;
        var dataFolder = PackageNaming.VersionedName(meta);
        var data = Path.Combine(directory, dataFolder);
        foreach (var file in dataFiles)
        {
            var target = Path.Combine(data, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);

            // A FIFO or device among the model's files would block or never end the copy (E160).
            InputFiles.RequireRegular(Path.Combine(input, file));
            File.Copy(Path.Combine(input, file), target);
        }

        Directory.CreateDirectory(data);
        meta.Write(Path.Combine(data, ModelMeta.FileName));
        meta.Write(Path.Combine(directory, ModelMeta.FileName));
        string? licenseExpression = null;
        string? licenseFile = null;
        if (MetaValidator.IsSpdxExpression(meta.License))
        {
            licenseExpression = meta.License!.Trim();
        }
        else if (!string.IsNullOrWhiteSpace(meta.License))
        {
            licenseFile = "LICENSE.txt";
            AtomicFile.WriteAllText(Path.Combine(directory, licenseFile), $"{id} {meta.Version} is licensed under: {meta.License.Trim()}\n");
        }

        AtomicFile.WriteAllText(Path.Combine(directory, $"{id}.csproj"), PackageTemplates.Project(meta, range, dataFolder, licenseExpression, licenseFile));
        Directory.CreateDirectory(Path.Combine(directory, "buildTransitive"));
        AtomicFile.WriteAllText(Path.Combine(directory, "buildTransitive", $"{id}.targets"), PackageTemplates.Targets(meta));
        AtomicFile.WriteAllText(Path.Combine(directory, $"{PackageNaming.EntryClassName(id)}.cs"), PackageTemplates.EntryClass(meta, range));
        AtomicFile.WriteAllText(Path.Combine(directory, "README.md"), ModelCard.Render(meta, range));
    }

    // --source values, then those of PIPELINE_PACKAGE_SOURCES.
    private static IEnumerable<string> BuildSources(PackageOptions options) =>
        options.Sources.Concat((Environment.GetEnvironmentVariable(SourcesVariable) ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// The arguments of <c>dotnet pack</c> for <paramref name="project"/>, run in the project's folder (so its path,
    /// which holds the user's output path, is no argument). Every value MSBuild reads is escaped or refused
    /// (<see cref="MsBuildValue"/>, E183), so no ';' in a path or source adds properties of its own.
    /// </summary>
    internal static List<string> PackArguments(string project, IEnumerable<string> sources)
    {
        var dist = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(project))!, DistDirectory);
        var arguments = new List<string>
        {
            "pack", Path.GetFileName(project), "-c", "Release",
            MsBuildValue.Property("PackageOutputPath", dist + Path.DirectorySeparatorChar, "package output folder"),
            "-nodeReuse:false", "-p:UseSharedCompilation=false", "--nologo", "-v:minimal",
        };
        var list = sources.Select(s => Directory.Exists(s) ? Path.GetFullPath(s) : s).Distinct().ToList();
        if (list.Count > 0)
        {
            arguments.Add(MsBuildValue.ListProperty("RestoreAdditionalProjectSources", list, $"NuGet source (--source or {SourcesVariable})"));
        }

        return arguments;
    }

    private static string Build(PackageOptions options, string project, ModelMeta meta, string range, IReadOnlyList<string> dataFiles)
    {
        var directory = Path.GetDirectoryName(project)!;
        var dist = Path.Combine(directory, DistDirectory);
        var arguments = PackArguments(project, BuildSources(options));
        var (exitCode, output) = DotnetProcess.Run(arguments, directory, options.BuildEnvironment, options.BuildTimeout);
        if (exitCode != 0)
        {
            throw TrainerErrors.PackCommandFailed($"cd {DotnetProcess.Quote(directory)} && dotnet {string.Join(' ', arguments.Select(DotnetProcess.Quote))}", exitCode, DotnetProcess.Tail(output));
        }

        var version = NuGet.Versioning.NuGetVersion.Parse(meta.Version).ToNormalizedString();
        var nupkg = Path.Combine(dist, $"{meta.PackageId}.{version}.nupkg");
        if (!File.Exists(nupkg))
        {
            throw TrainerErrors.PackageVerificationFailed(nupkg, ["dotnet pack did not write it"]);
        }

        // Same model, same bytes: fixed entry times and order, no random names (see ReproduciblePackage).
        ReproduciblePackage.Normalize(nupkg);

        NupkgVerifier.Verify(nupkg, meta, range, dataFiles.Append(ModelMeta.FileName));
        return nupkg;
    }
}
