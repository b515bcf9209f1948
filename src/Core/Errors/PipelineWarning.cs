namespace Pipeline;

/// <summary>A non-fatal notice with a stable code, raised through <see cref="Warnings.Raised"/>.</summary>
/// <param name="Code">The stable code, for example <c>W001</c>.</param>
/// <param name="Message">What happened and what to do about it.</param>
public sealed record PipelineWarning(string Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"[{Code}] {Message}";
}
