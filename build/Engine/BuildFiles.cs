using Pipeline.IO;

namespace Pipeline.Build.Engine;

/// <summary>
/// Reads the files the orchestrator is given (parameters, templates, models' meta.json and scores, stamps) the way
/// Pipeline reads untrusted input: regular files only, within a size cap, strict UTF-8; a refusal is a
/// <see cref="BuildException"/> carrying Pipeline's coded message (E157, E160, E161).
/// </summary>
internal static class BuildFiles
{
    /// <summary>Refuses (E160 as a build error) an existing path that is not a regular file, before it is opened.</summary>
    public static void RequireRegular(string path)
    {
        try
        {
            InputFiles.RequireRegular(path);
        }
        catch (PipelineException e)
        {
            throw new BuildException(e.Message, e);
        }
    }

    /// <summary>The text of a small JSON file (at most 16 MiB).</summary>
    public static string ReadJson(string path)
    {
        try
        {
            return InputFiles.ReadAllText(path, InputFiles.MetaBytes, Path.GetFileName(path));
        }
        catch (PipelineException e)
        {
            throw new BuildException(e.Message, e);
        }
    }
}
