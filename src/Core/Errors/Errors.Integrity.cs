namespace Pipeline;

/// <summary>
/// The catalogue's errors of run integrity (E180-E182; E183 is the CLI's, E184 a meta problem of MetaValidator): one writer per output folder, paths confined to their
/// roots, and values refused before they reach the tools the commands run.
/// </summary>
internal static partial class Errors
{
    public static PipelineException FolderLocked(string folder, string lockFile, string holder) => new(
        "E180",
        $"'{folder}' is being written by another run: {holder} holds its lock '{lockFile}'. Two runs writing into one " +
        "folder would delete and overwrite each other's files. Wait for that run to finish, or write into another " +
        "folder; if that run is gone (e.g. it ran on another host, or the lock is damaged), delete the lock file.");

    public static PipelineException PathOutsideRoot(string what, string path, string root, string resolved) => new(
        "E181",
        $"The {what} '{path}' lies outside its root '{root}' (it resolves to '{resolved}'). Paths of this kind are " +
        "relative to the root and must stay inside it, after '..' and symbolic links are followed. Put the file under " +
        "the root and name it relative to it.");

    public static PipelineException UnsafeEntryName(string what, string name, string folder) => new(
        "E182",
        $"The {what} '{name}' cannot be a name in '{folder}': it must be one plain file or folder name (not empty, not " +
        "'.' or '..', without '/', '\\' or control characters), because it is joined to that folder. Rename it.");
}
