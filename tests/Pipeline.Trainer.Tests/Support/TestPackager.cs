namespace Pipeline.Trainer.Tests.Support;

/// <summary>Packs a model folder through the library's <see cref="ModelPackager"/> with default options.</summary>
internal static class TestPackager
{
    public static PackageResult Package(string input, string output, bool force = false) =>
        ModelPackager.Package(new PackageOptions { Input = input, Output = output, Force = force });
}
