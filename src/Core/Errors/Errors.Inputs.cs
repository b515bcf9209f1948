namespace Pipeline;

/// <summary>The catalogue's errors of untrusted input that is not a regular file or is too large to read (E160-E165).</summary>
internal static partial class Errors
{
    public static PipelineFormatException NotRegularFile(string path, string kind) => new(
        "E160", path,
        $"this is {kind}, not a regular file, so it is not opened: reading it could block forever (a FIFO waits for a " +
        "writer) or never end (a device such as /dev/zero). Pass the path of a regular file (a symbolic link to one is " +
        "fine).");

    public static PipelineFormatException FileTooLarge(string path, long? size, long limit, string what) => new(
        "E161", path,
        $"{what} is {(size is null ? "larger than" : $"{size:N0} bytes, over")} the limit of {limit:N0} bytes, so it is " +
        "not read (reading it whole could exhaust memory). A file this large is not one Pipeline wrote: restore it from " +
        "a good copy, or check that the path names the right file.");

    public static PipelineFormatException LineTooLong(string file, long line, long limit) => new(
        "E162", $"{file}:{line}", LineTooLongText(limit));

    public static PipelineFormatException LineTooLong(string file, long limit) => new("E162", file, LineTooLongText(limit));

    private static string LineTooLongText(long limit) =>
        $"the line is longer than the limit of {limit:N0} characters, so it is not read (one line this long cannot be " +
        "a token or a comment of a corpus, and holding it could exhaust memory). Check that the file is a corpus and not " +
        "binary or minified data; split the line if it really is text.";

    public static PipelineFormatException DecompressedTooLarge(string source, string what, long limit) => new(
        "E163", source,
        $"{what} decompresses to more than the limit of {limit:N0} bytes, so it is not unpacked (a small file that " +
        "expands this far is a decompression bomb, or damaged). Restore it from a good copy or write it again.");

    public static PipelineFormatException MetaNotFinite(string file, string field, string text) => new(
        "E164", file,
        $"field \"{field}\" holds {text}, which is not a finite number (JSON cannot hold infinity or NaN, and a number " +
        "this large overflows a double). Write a finite number there, e.g. a score between 0 and 100.");

    public static PipelineFormatException FileUnreadable(string path, Exception inner) => new(
        "E165", path,
        $"the file could not be read ({Clause(inner.Message)}). Check its permissions and the disk, or restore it from " +
        "a good copy.", inner);
}
