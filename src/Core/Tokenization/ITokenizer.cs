using Pipeline.Tokens;

namespace Pipeline.Tokenization;

/// <summary>
/// Splits raw text into a <see cref="Doc"/>. A language supplies one by default; assign <c>nlp.Tokenizer</c> to
/// use another. Implement <see cref="Serialization.IByteSerializable"/> too for it to be saved with the model.
/// </summary>
public interface ITokenizer
{
    /// <summary>Tokenizes <paramref name="text"/> into a new doc of the tokenizer's vocab.</summary>
    Doc Tokenize(string text);
}
