using NuGet.Packaging.Licenses;
using NuGet.Versioning;

namespace Pipeline.Trainer.Packaging;

/// <summary>
/// Checks that a meta.json can make a NuGet package: lang, name and version present; lang and name of
/// <c>[a-z0-9_]</c>; version strict SemVer; framework_version a fixed NuGet range; url absolute. Every problem is
/// reported with its own code, all at once.
/// </summary>
public static class MetaValidator
{
    /// <summary>NuGet's longest package id.</summary>
    public const int MaxPackageIdLength = 100;

    /// <summary>All problems of <paramref name="meta"/>; empty when it can be packaged.</summary>
    public static IReadOnlyList<MetaProblem> Validate(ModelMeta meta)
    {
        ArgumentNullException.ThrowIfNull(meta);
        var problems = new List<MetaProblem>();
        foreach (var (field, value) in new[] { ("lang", meta.Lang), ("name", meta.Name), ("version", meta.Version) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add(new("E123", field, $"\"{field}\" is missing; a package needs lang, name and version (add it to meta.json or pass --meta {field}=...)."));
            }
        }

        CheckControlCharacters(problems, meta);
        CheckIdentifier(problems, "lang", meta.Lang, "en");
        CheckIdentifier(problems, "name", meta.Name, "core_web_sm");
        if (!string.IsNullOrWhiteSpace(meta.Lang) && !string.IsNullOrWhiteSpace(meta.Name) && meta.PackageId.Length > MaxPackageIdLength)
        {
            problems.Add(new("E124", "name", $"the package id '{meta.PackageId}' is longer than NuGet's {MaxPackageIdLength} characters; choose a shorter name."));
        }

        if (!string.IsNullOrWhiteSpace(meta.Version) && !IsSemVer(meta.Version))
        {
            problems.Add(new("E125", "version", $"\"version\" '{meta.Version}' is not a SemVer version; write MAJOR.MINOR.PATCH with an optional -prerelease, e.g. 1.0.0 or 1.1.0-beta.1."));
        }

        if (meta.FrameworkVersion is { } range)
        {
            var parsed = FrameworkCompatibility.ParseRange(range);
            if (parsed is null || parsed.IsFloating || (!parsed.HasLowerBound && !parsed.HasUpperBound))
            {
                problems.Add(new("E126", "framework_version", $"\"framework_version\" '{range}' is not a NuGet version range of Pipeline.Core; write e.g. \"[0.1.0, 0.2.0)\" (0.1.0 up to, not including, 0.2.0)."));
            }
        }

        if (!string.IsNullOrWhiteSpace(meta.Url) &&
            (!Uri.TryCreate(meta.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            problems.Add(new("E127", "url", $"\"url\" '{meta.Url}' is not an absolute http(s) address; write e.g. https://example.com/models."));
        }

        return problems;
    }

    /// <summary>
    /// True when <paramref name="version"/> is a strict SemVer version (MAJOR.MINOR.PATCH[-prerelease][+metadata]),
    /// the only kind a package may carry; training checks its --version with it so that its models can be packaged.
    /// </summary>
    public static bool IsSemVer(string? version) =>
        !string.IsNullOrWhiteSpace(version) && NuGetVersion.TryParseStrict(version, out _);

    /// <summary>Throws the first problem's code, naming every problem, when <paramref name="meta"/> cannot be packaged.</summary>
    public static void ThrowIfInvalid(ModelMeta meta, string source) =>
        ThrowIfInvalid(meta, source, new Dictionary<string, string>());

    /// <summary>
    /// As <see cref="ThrowIfInvalid(ModelMeta, string)"/>, naming where the faulty values came from: a field set by
    /// <c>--meta key=value</c> (<paramref name="options"/>) is blamed on that option, not on the file
    /// <paramref name="source"/>.
    /// </summary>
    public static void ThrowIfInvalid(ModelMeta meta, string source, IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Validate(meta);
        if (problems.Count == 0)
        {
            return;
        }

        var fields = problems.Select(p => p.Field).Distinct(StringComparer.Ordinal).ToList();
        var given = fields.Where(options.ContainsKey).Select(f => $"--meta {f}={Visible(options[f])}").ToList();
        var origin = given.Count == 0 ? source
            : given.Count == fields.Count ? string.Join(", ", given)
            : $"{source} with {string.Join(", ", given)}";
        throw TrainerErrors.PackageMetaInvalid(origin, problems.Select(p => (p.Code, p.Message)).ToList());
    }

    /// <summary>True when <paramref name="license"/> is an SPDX expression of known licences (e.g. <c>MIT</c>, <c>CC-BY-SA-4.0</c>).</summary>
    public static bool IsSpdxExpression(string? license)
    {
        if (string.IsNullOrWhiteSpace(license))
        {
            return false;
        }

        try
        {
            var standard = true;
            NuGetLicenseExpression.Parse(license).OnEachLeafNode(
                l => standard &= l.IsStandardLicense,
                _ => { });
            return standard;
        }
        catch (NuGetLicenseExpressionParsingException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // A package project is XML, which cannot hold control characters other than line breaks and tabs (dotnet pack
    // fails with MSB4025): refused in every field before anything is written. Line breaks and tabs are whitespace
    // the generated files handle.
    private static void CheckControlCharacters(List<MetaProblem> problems, ModelMeta meta)
    {
        var fields = new List<(string Field, string? Value)>
        {
            ("lang", meta.Lang), ("name", meta.Name), ("version", meta.Version), ("framework_version", meta.FrameworkVersion),
            ("description", meta.Description), ("author", meta.Author), ("email", meta.Email), ("url", meta.Url), ("license", meta.License),
        };
        fields.AddRange(meta.Pipeline.Select(p => ("pipeline", (string?)p)));
        fields.AddRange(meta.Sources.Select(s => ("sources", (string?)s.Name)));
        fields.AddRange(PackageTemplates.ReadTags(meta).Select(t => ("tags", (string?)t)));
        foreach (var (field, value) in fields)
        {
            if (value is not null && value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            {
                problems.Add(new("E184", field, $"\"{field}\" '{Visible(value)}' holds a control character, which a package project (.csproj, XML) cannot hold; remove it."));
            }
        }
    }

    // Control characters as \uXXXX, so that a message never carries them to the terminal.
    private static string Visible(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    private static void CheckIdentifier(List<MetaProblem> problems, string field, string value, string example)
    {
        if (!string.IsNullOrWhiteSpace(value) && !ModelPackages.IsPackageId(value))
        {
            problems.Add(new("E124", field, $"\"{field}\" '{value}' may only hold lower-case letters, digits and underscores (e.g. '{example}'), because it becomes the package id and a folder name."));
        }
    }
}
