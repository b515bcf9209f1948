using MessagePack;

namespace Pipeline.Serialization;

/// <summary>
/// How a trained component's state is saved (its <c>model.bin</c>): one MessagePack map whose first field is
/// <c>format</c>, the version. This base owns the map, the version (written, and refused with E018 when a file
/// is newer) and the error wrapping (any malformation is E008 naming the source); a formatter writes and reads
/// only its own fields, one small type per state, as MessagePack-CSharp's formatters do.
/// </summary>
/// <typeparam name="TState">The saved state: what the component hands over to save and installs on load.</typeparam>
/// <typeparam name="TFields">The fields read so far, checked and made into a state by <see cref="Build"/>.</typeparam>
/// <param name="kind">What the model is, for errors ("tagger").</param>
/// <param name="version">The version written; files of any version from 1 up to it are read.</param>
internal abstract class ModelFormatter<TState, TFields>(string kind, int version)
    where TFields : new()
{
    private const string FormatKey = "format";

    /// <summary>What the model is, for errors ("tagger").</summary>
    protected string Kind { get; } = kind;

    /// <summary>The version written; files of any version from 1 up to it are read.</summary>
    protected int Version { get; } = version;

    /// <summary>The state as bytes.</summary>
    public byte[] Write(TState state) => MsgPack.Write((ref MessagePackWriter w) =>
    {
        w.WriteMapHeader(FieldCount(state) + 1);
        w.Write(FormatKey);
        w.Write(Version);
        WriteFields(ref w, state);
    });

    /// <summary>Reads bytes written by <see cref="Write"/> (by this or an older version); bad data raises <see cref="PipelineFormatException"/>.</summary>
    public TState Read(ReadOnlyMemory<byte> data, string source) => MsgPack.Read(data, source, (ref MessagePackReader r) =>
    {
        var fields = new TFields();
        var version = 0;
        MsgPackMap.Read(ref r, (ref MessagePackReader reader, string key) =>
        {
            if (key != FormatKey)
            {
                return ReadField(ref reader, key, fields, source);
            }

            version = MsgPack.ReadFormatVersion(ref reader, source, Version);
            return true;
        });
        return version >= 1 ? Build(fields, version) : throw new InvalidDataException($"a {Kind} model needs 'format', a version from 1 up to {Version}");
    });

    /// <summary>How many fields <see cref="WriteFields"/> writes after the version.</summary>
    protected abstract int FieldCount(TState state);

    /// <summary>Writes the fields of the state (keys and values) after the version.</summary>
    protected abstract void WriteFields(ref MessagePackWriter writer, TState state);

    /// <summary>Reads the value of one key into <paramref name="fields"/>; false for a key it does not know.</summary>
    protected abstract bool ReadField(ref MessagePackReader reader, string key, TFields fields, string source);

    /// <summary>The state from the fields read; throws <see cref="InvalidDataException"/> when one is missing or they do not fit.</summary>
    protected abstract TState Build(TFields fields, int version);
}
