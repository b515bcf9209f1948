namespace Pipeline.Serialization;

/// <summary>
/// A component that saves its state to its own directory (<c>model/&lt;component name&gt;/</c>), which
/// <c>nlp.ToDisk</c> creates and passes in.
/// </summary>
public interface IDiskSerializable
{
    /// <summary>Writes the component's files into <paramref name="directory"/>, which exists and is empty.</summary>
    void ToDisk(string directory);

    /// <summary>Reads the files written by <see cref="ToDisk"/>.</summary>
    void FromDisk(string directory);
}
