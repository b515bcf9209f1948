namespace Pipeline.Serialization;

/// <summary>A component whose state can be saved to and restored from a byte array (used by nlp.ToBytes).</summary>
public interface IByteSerializable
{
    /// <summary>The component's state as bytes.</summary>
    byte[] ToBytes();

    /// <summary>Restores the state written by <see cref="ToBytes"/>.</summary>
    void FromBytes(byte[] data);
}
