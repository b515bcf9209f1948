namespace Pipeline.Tests.Components;

/// <summary>A temporary directory deleted after the test.</summary>
internal sealed class ComponentTestDirectory : IDisposable
{
    public ComponentTestDirectory()
    {
        Path = Directory.CreateTempSubdirectory("pipeline-rules-test-").FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
