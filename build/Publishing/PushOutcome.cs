namespace Pipeline.Build.Publishing;

/// <summary>What happened to one package on Publish.</summary>
internal enum PushOutcome
{
    /// <summary>It was pushed.</summary>
    Pushed,

    /// <summary>The feed already had that version; nothing was pushed.</summary>
    AlreadyThere,
}
