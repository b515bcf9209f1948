namespace Pipeline.Tests.Training;

/// <summary>A temporary directory for test files, deleted on dispose.</summary>
internal sealed class TempFiles : IDisposable
{
    public TempFiles()
    {
        Dir = Directory.CreateTempSubdirectory("pipeline-training-test-").FullName;
    }

    public string Dir { get; }

    /// <summary>Writes <paramref name="content"/> to a file named <paramref name="name"/> and returns its path.</summary>
    public string Write(string name, string content)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
