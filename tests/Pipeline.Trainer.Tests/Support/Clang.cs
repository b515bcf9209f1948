namespace Pipeline.Trainer.Tests.Support;

/// <summary>Whether clang, which Native AOT links with on Linux, is on PATH.</summary>
public static class Clang
{
    public const string MissingMessage =
        "clang is missing: Native AOT links with it on Linux, so the AOT app cannot be published. .ci/run installs " +
        "Debian's 'clang' (apt-get install -y clang) as root or through password-less sudo; install it.";

    public static bool Installed => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(dir => File.Exists(Path.Combine(dir, "clang")));

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
