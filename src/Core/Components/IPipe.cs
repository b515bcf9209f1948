using Pipeline.Tokens;

namespace Pipeline.Components;

/// <summary>
/// A pipeline component: takes a doc, annotates it and returns it. Implement <see cref="Serialization.IDiskSerializable"/>
/// or <see cref="Serialization.IByteSerializable"/> as well when the component has state to save with the model.
/// With <c>nlp.Pipe(texts, threads: n)</c>, <see cref="Process"/> is called concurrently on different docs.
/// </summary>
public interface IPipe
{
    /// <summary>The default name of the component in a pipeline, e.g. "tagger".</summary>
    string Name { get; }

    /// <summary>Annotates <paramref name="doc"/> and returns it.</summary>
    Doc Process(Doc doc);
}
