namespace Pipeline.Trainer.Tests.Support;

/// <summary>A fresh console app (net10.0) that references one model package and nothing else, for the app-building tests.</summary>
internal static class ModelApp
{
    /// <summary>Writes <c>app.csproj</c> referencing <paramref name="packageId"/> 1.0.0 and <c>Program.cs</c> into <paramref name="folder"/>; returns the folder.</summary>
    public static string Create(string folder, string packageId, string program)
    {
        var app = Directory.CreateDirectory(folder).FullName;
        File.WriteAllText(Path.Combine(app, "app.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{packageId}" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), program);
        return app;
    }
}
