using System.Collections.Concurrent;

namespace Pipeline.Tokens;

/// <summary>The process-wide registry of extension attributes declared by Doc/Span/Token.SetExtension.</summary>
internal static class Extensions
{
    private static readonly ConcurrentDictionary<(ExtensionTarget, string), Extension> Registered = new();

    public static void Register(ExtensionTarget target, string name, object? defaultValue, Func<object, object?>? getter)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw Errors.InvalidArgument("Extension name", "must not be empty");
        }

        Registered[(target, name)] = new Extension(defaultValue, getter);
    }

    public static bool Has(ExtensionTarget target, string name) => Registered.ContainsKey((target, name));

    public static bool Remove(ExtensionTarget target, string name) => Registered.TryRemove((target, name), out _);

    public static Extension Get(ExtensionTarget target, string name) =>
        Registered.TryGetValue((target, name), out var e) ? e : throw Errors.ExtensionNotRegistered(target.ToString(), name);

    internal sealed record Extension(object? Default, Func<object, object?>? Getter);
}
