namespace Pipeline.Build.Engine;

/// <summary>What a running target gets: the cancellation token (Ctrl-C), the log, and notes for the summary.</summary>
public sealed class TargetContext
{
    private readonly List<string> _notes = [];

    internal TargetContext(string name, TextWriter log, CancellationToken cancellation)
    {
        Name = name;
        Log = log;
        Cancellation = cancellation;
    }

    /// <summary>The target's name.</summary>
    public string Name { get; }

    /// <summary>Where the target writes its progress.</summary>
    public TextWriter Log { get; }

    /// <summary>Cancelled when the user presses Ctrl-C.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The notes added so far.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Adds a short note to the target's row of the summary table.</summary>
    public void Note(string note) => _notes.Add(note);
}
