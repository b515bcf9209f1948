using Pipeline.IO;
using Pipeline.Serialization;

namespace Pipeline.Components;

/// <summary>
/// The base of the trained components (tagger, morphologizer, lemmatizer, parser, entity recognizer), whose whole
/// state is one model saved as <see cref="ModelFile"/> in the component's directory. It owns the name, the file, the
/// bytes and their errors (E007 when the file is missing, E008 when damaged, E018 when written by a newer version,
/// E063 when saving an untrained component); each component gives only the formatter of its state. Loading reads
/// the component's own file alone, so a model's loader may load it beside the other parts.
/// </summary>
public abstract class ModelComponent : IByteSerializable, IDiskSerializable, IIsolatedState
{
    /// <summary>The file that holds the model in the component's directory.</summary>
    public const string ModelFile = "model.bin";

    /// <summary>Names the component (ArgumentException when empty).</summary>
    private protected ModelComponent(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The component's name in the pipeline.</summary>
    public string Name { get; }

    /// <summary>The model as bytes (MessagePack, versioned); while training, its averaged snapshot (E063 when untrained).</summary>
    public byte[] ToBytes() => SaveModel();

    /// <summary>Loads a model written by <see cref="ToBytes"/>; bad data raises <see cref="PipelineFormatException"/>.</summary>
    public void FromBytes(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        LoadModel(data, $"{Name} bytes");
    }

    /// <summary>Writes <see cref="ModelFile"/> into <paramref name="directory"/> (to a temporary name, then renamed).</summary>
    public void ToDisk(string directory) => AtomicFile.WriteAllBytes(Path.Combine(directory, ModelFile), ToBytes());

    /// <summary>Reads <see cref="ModelFile"/> from <paramref name="directory"/> (E007 when missing).</summary>
    public void FromDisk(string directory)
    {
        var file = Path.Combine(directory, ModelFile);
        if (!File.Exists(file))
        {
            throw Errors.ComponentDataMissing(Name, file);
        }

        LoadModel(InputFiles.ReadAllBytes(file, InputFiles.DataBytes, $"the {Name} model file"), file);
    }

    /// <summary>The state written by the component's formatter.</summary>
    private protected abstract byte[] SaveModel();

    /// <summary>Reads the state with the component's formatter and installs it; <paramref name="source"/> names the data in errors.</summary>
    private protected abstract void LoadModel(ReadOnlyMemory<byte> data, string source);
}
