namespace Pipeline.Trainer.Packaging;

/// <summary>One reason a meta.json cannot make a package.</summary>
/// <param name="Code">The stable error code (E123 missing field, E124 bad name, E125 bad version, E126 bad range, E127 bad URL).</param>
/// <param name="Field">The meta.json field, e.g. <c>version</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record MetaProblem(string Code, string Field, string Message);
