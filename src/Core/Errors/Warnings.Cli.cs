namespace Pipeline;

/// <content>Warnings of the <c>pipeline</c> command line (W046-W047).</content>
public static partial class Warnings
{
    internal static void PackageDefaults(string id, string version, IEnumerable<string> defaults) => Emit(
        "W046",
        $"Packaging as {id} {version}: the model's meta.json keeps the default {string.Join(" and ", defaults)} " +
        "(what `pipeline train` writes without a meta template). Set them with --meta name=... --meta version=..., " +
        "or --meta-path <meta.json>.");

    internal static void TextLooksLikeAFile(string text) => Emit(
        "W047",
        $"The text '{text}' is the name of an existing file; pipeline displacy shows the text itself. To show the " +
        $"file's contents, pass --file {text}.");
}
