namespace Pipeline.Trainer.Tests.Support;

/// <summary>
/// A fact that needs clang: skipped (saying why) on a developer machine without it, but run, and so failing with
/// <see cref="Clang.MissingMessage"/>, in CI (CI=true), where .ci/run must have installed it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ClangFactAttribute : FactAttribute
{
    public ClangFactAttribute()
    {
        if (!Clang.Installed && !Clang.InCi)
        {
            Skip = Clang.MissingMessage;
        }
    }
}
