using System.IO.Compression;
using System.Text;
using NuGet.Packaging;

namespace Pipeline.Trainer.Tests.Packaging;

/// <summary>Packing the same model twice gives the same bytes (issue 18, point 7).</summary>
public sealed class ReproduciblePackageTests
{
    [Fact]
    public void Two_packs_that_differ_in_times_order_and_random_names_become_the_same_bytes_and_stay_readable()
    {
        using var dir = new TempDir();
        var first = FakeNuGetPack(dir["a.nupkg"], "0f3c9a1e2b7d4c5e8f6a1b2c3d4e5f60", "R1a2b3c4d5e6f7a8b", new DateTime(2026, 1, 2, 3, 4, 6), reverse: false);
        var second = FakeNuGetPack(dir["b.nupkg"], "9b8a7c6d5e4f30211203f4e5d6c7b8a9", "Rffeeddccbbaa9988", new DateTime(2026, 5, 6, 7, 8, 10), reverse: true);
        Assert.NotEqual(File.ReadAllBytes(first), File.ReadAllBytes(second));

        ReproduciblePackage.Normalize(first);
        ReproduciblePackage.Normalize(second);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        using var zip = ZipFile.OpenRead(first);
        Assert.Equal("en_x.nuspec", zip.Entries[0].FullName);
        Assert.All(zip.Entries, e => Assert.Equal(ReproduciblePackage.EntryTime.DateTime, e.LastWriteTime.DateTime));
        var psmdcp = Assert.Single(zip.Entries, e => e.FullName.EndsWith(".psmdcp", StringComparison.Ordinal)).FullName;
        using (var rels = new StreamReader(zip.GetEntry("_rels/.rels")!.Open()))
        {
            var text = rels.ReadToEnd();
            Assert.Contains($"Target=\"/{psmdcp}\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain("R1a2b3c4d5e6f7a8b", text, StringComparison.Ordinal);
        }

        using var reader = new PackageArchiveReader(first);
        Assert.Equal("en_x", reader.GetIdentity().Id);
        Assert.Contains("content/model/meta.json", reader.GetFiles());
    }

    /// <summary>
    /// Integration test (needs the dotnet SDK; about a minute): `pipeline package --build` of one model into two
    /// different folders, at two different times, gives byte-identical .nupkg files that NuGet reads.
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void Packaging_one_model_twice_gives_byte_identical_packages()
    {
        using var dir = new TempDir();
        var feed = Directory.CreateDirectory(dir["feed"]).FullName;
        IsolatedNuget.WriteConfig(dir.Path, feed);
        var core = Path.Combine(PackageEndToEndTests.RepositoryRoot(), "src", "Core", "Pipeline.Core.csproj");
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var (packed, output) = DotnetProcess.Run(["pack", core, "-c", configuration, "-o", feed, "--no-build"], dir.Path, null, TimeSpan.FromMinutes(4));
        Assert.True(packed == 0, output);
        var model = RulerModel.Save(dir["model"]);

        var first = Package(model, dir["one"]);
        Thread.Sleep(TimeSpan.FromSeconds(2.5)); // later file times: the zip's 2-second clock ticks over

        // The second one is packed inside a git repository with a commit, which must not leak into the package.
        var repository = Directory.CreateDirectory(dir["two"]).FullName;
        Git(repository, "init", "-q");
        Git(repository, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", "x");
        var second = Package(model, Path.Combine(repository, "deeper"));

        Assert.NotEqual(first, second);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.Empty(NupkgVerifier.Check(first, ModelMeta.Read(dir["one/en_test_ruler-1.0.0/meta.json"]), Nlp.CompatibleRange, ["meta.json", "tokenizer"]));
    }

    private static void Git(string directory, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {output}");
    }

    private static string Package(string model, string output)
    {
        var console = new TestConsole().Width(400);
        var error = new StringWriter();
        var code = PipelineCli.Run(["package", model, output, "--build", "--force"], console, new StringWriter(), error);
        Assert.True(code == 0, console.Output + error);
        return Path.Combine(output, "en_test_ruler-1.0.0", "dist", "en_test_ruler.1.0.0.nupkg");
    }

    /// <summary>A package shaped like NuGet's: nuspec, content, a GUID-named .psmdcp, _rels with random ids, [Content_Types].xml.</summary>
    private static string FakeNuGetPack(string path, string guid, string relId, DateTime time, bool reverse)
    {
        var psmdcp = $"package/services/metadata/core-properties/{guid}.psmdcp";
        var entries = new List<(string Name, string Text)>
        {
            ("_rels/.rels", $"""<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="http://schemas.microsoft.com/packaging/2010/07/manifest" Target="/en_x.nuspec" Id="{relId}" /><Relationship Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="/{psmdcp}" Id="R{guid[..16]}" /></Relationships>"""),
            ("en_x.nuspec", """<?xml version="1.0" encoding="utf-8"?><package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd"><metadata><id>en_x</id><version>1.0.0</version><authors>t</authors><description>d</description></metadata></package>"""),
            ("content/model/meta.json", "{}"),
            (psmdcp, """<?xml version="1.0" encoding="utf-8"?><coreProperties><dc:identifier xmlns:dc="http://purl.org/dc/elements/1.1/">en_x</dc:identifier></coreProperties>"""),
            ("[Content_Types].xml", """<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="json" ContentType="application/octet" /></Types>"""),
        };
        if (reverse)
        {
            entries.Reverse();
        }

        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, text) in entries)
        {
            var entry = zip.CreateEntry(name);
            entry.LastWriteTime = time;
            using var stream = entry.Open();
            stream.Write(Encoding.UTF8.GetBytes(text));
        }

        return path;
    }
}
