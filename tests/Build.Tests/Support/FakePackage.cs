using System.IO.Compression;

namespace Pipeline.Build.Tests.Support;

/// <summary>Writes a minimal .nupkg (a zip with a .nuspec and, for models, a meta.json).</summary>
internal static class FakePackage
{
    public static string Write(string path, string id, string version, bool withModel = true)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry($"{id}.nuspec").Open()))
        {
            writer.Write($"""<?xml version="1.0"?><package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd"><metadata><id>{id}</id><version>{version}</version></metadata></package>""");
        }

        if (withModel)
        {
            using var writer = new StreamWriter(zip.CreateEntry($"content/{id}-{version}/meta.json").Open());
            writer.Write("{}");
        }

        return path;
    }
}
