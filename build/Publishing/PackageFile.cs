using System.IO.Compression;
using System.Xml.Linq;
using Pipeline.IO;

namespace Pipeline.Build.Publishing;

/// <summary>A .nupkg's id and version, read from its .nuspec; reading it is also the check that the package is whole.</summary>
/// <param name="Path">The package file.</param>
/// <param name="Id">The package id.</param>
/// <param name="Version">The package version.</param>
internal sealed record PackageFile(string Path, string Id, string Version)
{
    /// <summary>Reads the id and version of <paramref name="path"/>; a broken package is an error that names it.</summary>
    public static PackageFile Read(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var entry = zip.Entries.FirstOrDefault(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase))
                ?? throw new Engine.BuildException($"{path} has no .nuspec at its root: it is not a NuGet package.");
            using var stream = new LimitedStream(
                entry.Open(), InputFiles.MetaBytes, () => new Engine.BuildException($"{path}: its .nuspec unpacks to more than {InputFiles.MetaBytes:N0} bytes."));
            var metadata = XDocument.Load(stream).Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata");
            var id = metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == "id")?.Value;
            var version = metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == "version")?.Value;
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(version))
            {
                throw new Engine.BuildException($"{path}: its .nuspec lacks an id or a version.");
            }

            return new PackageFile(path, id, version);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException)
        {
            throw new Engine.BuildException($"{path} is not a readable NuGet package: {e.Message}", e);
        }
    }
}
