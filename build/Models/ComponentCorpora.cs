namespace Pipeline.Build.Models;

/// <summary>The corpora of one component of a template, relative to the corpus root.</summary>
/// <param name="Train">The training corpus.</param>
/// <param name="Dev">The development corpus (scored after each epoch, and by Evaluate).</param>
internal sealed record ComponentCorpora(string Train, string Dev);
