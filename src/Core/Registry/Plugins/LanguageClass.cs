namespace Pipeline.Registry.Plugins;

/// <summary>A language class and how to create a blank pipeline of it.</summary>
/// <param name="Type">The <see cref="Language"/> subclass.</param>
/// <param name="Create">Creates a blank pipeline.</param>
internal sealed record LanguageClass(Type Type, Func<Language> Create)
{
    public static LanguageClass Of<T>()
        where T : Language, new() => new(typeof(T), () => new T());
}
