namespace Pipeline.Build.Tests.Support;

/// <summary>A build whose targets depend on each other in a cycle.</summary>
internal sealed class CycleBuild : BuildBase
{
    public Target A => _ => _.DependsOn(C).Executes(() => { });

    public Target B => _ => _.DependsOn(A).Executes(() => { });

    public Target C => _ => _.DependsOn(B).Executes(() => { });

    public Target Free => _ => _.Executes(() => { });
}
