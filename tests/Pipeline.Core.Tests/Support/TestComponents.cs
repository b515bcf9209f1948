using Pipeline.Components;
using Pipeline.Serialization;

namespace Pipeline.Tests.Support;

/// <summary>Tags every token with a fixed tag taken from its config; its state travels as bytes.</summary>
public sealed class FixedTagger(string tag) : IPipe, IByteSerializable
{
    public string Tag { get; private set; } = tag;

    public string Name => "fixed_tagger";

    public Doc Process(Doc doc)
    {
        foreach (var token in doc.Tokens)
        {
            token.Tag = Tag;
        }

        return doc;
    }

    public byte[] ToBytes() => System.Text.Encoding.UTF8.GetBytes(Tag);

    public void FromBytes(byte[] data) => Tag = System.Text.Encoding.UTF8.GetString(data);
}

/// <summary>Stateless component that records the order of calls.</summary>
public sealed class Marker(string name) : IPipe
{
    public string Name => name;

    public Doc Process(Doc doc)
    {
        doc.UserData[new UserDataKey("test", "trail")] = (doc.UserData.GetValueOrDefault(new UserDataKey("test", "trail")) as string) + name;
        return doc;
    }
}
