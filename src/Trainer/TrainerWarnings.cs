namespace Pipeline.Trainer;

/// <summary>
/// The CLI's warnings (codes and texts as listed in docs/errors.md), raised through the library's
/// <see cref="Warnings.Emit"/> so that <see cref="Warnings.Raised"/> subscribers see them like the library's own.
/// </summary>
internal static class TrainerWarnings
{
    public static void FrameworkVersionFilled(string model, string range) => Warnings.Emit(
        "W012",
        $"meta.json of '{model}' has no framework_version; the package depends on Pipeline.Core {range}, the " +
        "versions compatible with the one packaging it. Set framework_version (or --meta framework_version=...) " +
        "to choose another range.");

    public static void PackageDefaults(string id, string version, IEnumerable<string> defaults) => Warnings.Emit(
        "W046",
        $"Packaging as {id} {version}: the model's meta.json keeps the default {string.Join(" and ", defaults)} " +
        "(what `pipeline train` writes without a meta template). Set them with --meta name=... --meta version=..., " +
        "or --meta-path <meta.json>.");

    public static void TextLooksLikeAFile(string text) => Warnings.Emit(
        "W047",
        $"The text '{text}' is the name of an existing file; pipeline displacy shows the text itself. To show the " +
        $"file's contents, pass --file {text}.");
}
