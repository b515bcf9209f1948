using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Serialization;

namespace Pipeline.Trainer.Packaging;

/// <summary>
/// Rewrites a .nupkg so that packing the same inputs twice gives the same bytes, and a release can be verified by
/// rebuilding it: every entry gets one fixed timestamp, entries are written in a fixed order (the .nuspec first,
/// then by ordinal name), and the random parts NuGet adds are replaced by names derived from the content (the
/// <c>.psmdcp</c> core-properties file, named by a GUID, and the <c>Id</c>s of the relationships in
/// <c>_rels/.rels</c> that point at it). Contents are otherwise kept byte for byte, so the package stays one that
/// NuGet reads and restores; entries are deflated at the smallest size, which shrinks model files a few percent
/// more than dotnet pack's level does.
/// </summary>
public static partial class ReproduciblePackage
{
    /// <summary>The timestamp of every entry: 2000-01-01 00:00 (a valid zip date; NuGet warns before 1980-01-01).</summary>
    public static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string CorePropertiesFolder = "package/services/metadata/core-properties/";

    /// <summary>Rewrites <paramref name="path"/> in place (through a temporary file and a rename); a package that is already normalised is left as it is.</summary>
    public static void Normalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var entries = Read(path);
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        var nuspec = entries.Keys.FirstOrDefault(n => !n.Contains('/', StringComparison.Ordinal) && n.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        foreach (var name in entries.Keys.Where(n => n.StartsWith(CorePropertiesFolder, StringComparison.Ordinal) && n.EndsWith(".psmdcp", StringComparison.Ordinal)).ToList())
        {
            renames[name] = CorePropertiesFolder + Hash(entries[name].Content, 32) + ".psmdcp";
        }

        foreach (var (from, to) in renames)
        {
            entries[to] = entries[from];
            entries.Remove(from);
        }

        if (entries.TryGetValue("_rels/.rels", out var rels))
        {
            var text = Encoding.UTF8.GetString(rels.Content);
            foreach (var (from, to) in renames)
            {
                text = text.Replace("/" + from, "/" + to, StringComparison.Ordinal);
            }

            // Each relationship's Id is "R" and 16 random hex digits; derive it from the relationship's target instead.
            text = Relationship().Replace(text, m => m.Value.Replace(m.Groups["id"].Value, "R" + Hash(Encoding.UTF8.GetBytes(m.Groups["target"].Value), 16), StringComparison.Ordinal));
            entries["_rels/.rels"] = rels with { Content = Encoding.UTF8.GetBytes(text) };
        }

        var order = entries.Keys
            .OrderBy(n => n == nuspec ? 0 : 1)
            .ThenBy(n => n, StringComparer.Ordinal)
            .ToList();
        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var name in order)
            {
                var (content, attributes) = entries[name];
                var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize);
                entry.LastWriteTime = EntryTime;
                entry.ExternalAttributes = attributes;
                using var output = entry.Open();
                output.Write(content);
            }
        });
    }

    private static Dictionary<string, (byte[] Content, int Attributes)> Read(string path)
    {
        var entries = new Dictionary<string, (byte[] Content, int Attributes)>(StringComparer.Ordinal);
        using var zip = ZipFile.OpenRead(path);
        foreach (var entry in zip.Entries)
        {
            using var input = entry.Open();
            using var buffer = new MemoryStream();
            input.CopyTo(buffer);

            // A zip may name a folder as an entry of its own; NuGet never does, and it carries no content.
            if (!entry.FullName.EndsWith('/'))
            {
                entries[entry.FullName] = (buffer.ToArray(), entry.ExternalAttributes);
            }
        }

        return entries;
    }

    private static string Hash(byte[] content, int digits) => Convert.ToHexStringLower(SHA256.HashData(content))[..digits];

    [GeneratedRegex("""<Relationship\b(?=[^>]*\bTarget="(?<target>[^"]*)")[^>]*\bId="(?<id>[^"]*)"[^>]*>""")]
    private static partial Regex Relationship();
}
