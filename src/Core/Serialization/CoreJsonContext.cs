using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Pipeline.IO;

namespace Pipeline.Serialization;

/// <summary>
/// Compile-time JSON metadata for every type Pipeline.Core reads or writes with <see cref="JsonSerializer"/>:
/// meta.json, lock files, component configs and entity patterns. Source generation instead of reflection keeps
/// loading free of the serializer's reflection warm-up and lets Native AOT apps read models.
/// </summary>
[JsonSerializable(typeof(ModelMeta))]
[JsonSerializable(typeof(FolderLock.Holder))]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(object))]
[JsonSerializable(typeof(List<object?>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class CoreJsonContext : JsonSerializerContext
{
    /// <summary><paramref name="options"/> reading its metadata from this context, made read-only.</summary>
    public static JsonSerializerOptions Resolving(JsonSerializerOptions options)
    {
        options.TypeInfoResolver = Default;
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The metadata of <typeparamref name="T"/> under <paramref name="options"/> (made by <see cref="Resolving"/>).</summary>
    public static JsonTypeInfo<T> Info<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
