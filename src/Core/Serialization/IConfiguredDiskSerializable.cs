using System.Collections.Frozen;

namespace Pipeline.Serialization;

/// <summary>
/// A component whose loading depends on settings: when a model is loaded, <see cref="FromDisk(string, IReadOnlyDictionary{string, object?})"/>
/// gets the same config the component's factory got (the overrides of <c>Nlp.Load</c>, merged over the
/// component's "pipeline_args" in meta.json), or the config given to <c>nlp.CreatePipe</c> when
/// <c>nlp.FromDisk</c> fills an existing pipeline. Settings can so choose between saved data and a
/// caller's explicit choice, e.g. <c>Nlp.Load(path, new() { ["snek_style"] = "cute" })</c>.
/// </summary>
public interface IConfiguredDiskSerializable : IDiskSerializable
{
    /// <summary>Reads the files written by <see cref="IDiskSerializable.ToDisk"/>, with the component's settings.</summary>
    void FromDisk(string directory, IReadOnlyDictionary<string, object?> config);

    /// <summary>Loading without settings passes an empty config.</summary>
    void IDiskSerializable.FromDisk(string directory) => FromDisk(directory, FrozenDictionary<string, object?>.Empty);
}
