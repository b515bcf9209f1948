namespace Pipeline.Testing;

/// <summary>Base of test classes whose every test gets a fresh temporary folder, deleted when the test ends.</summary>
public abstract class TempDirTest : IDisposable
{
    /// <summary>This test's folder.</summary>
    protected TempDir Dir { get; } = new();

    /// <summary>Deletes the folder.</summary>
    public void Dispose()
    {
        Dir.Dispose();
        GC.SuppressFinalize(this);
    }
}
