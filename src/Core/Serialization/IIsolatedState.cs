namespace Pipeline.Serialization;

/// <summary>
/// Marks a component whose saved state is read from its own files alone, touching nothing shared (vocab, tokenizer,
/// other components), so a model's loader may read it on another thread while the rest loads.
/// </summary>
internal interface IIsolatedState;
