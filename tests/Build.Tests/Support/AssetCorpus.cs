using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Pipeline.Build.Tests.Support;

/// <summary>
/// The tiny corpus as upstream assets: its files served by a <see cref="CorpusServer"/> under upstream-like paths,
/// and a template <c>en_tiny</c> (tagger) whose <c>training.assets</c> name their URLs and SHA-256s.
/// </summary>
internal sealed class AssetCorpus
{
    public const string TrainPath = "/Owner/UD_Tiny/0123456789abcdef0123456789abcdef01234567/tiny-ud-train.conllu";
    public const string DevPath = "/Owner/UD_Tiny/0123456789abcdef0123456789abcdef01234567/tiny-ud-dev.conllu";

    public AssetCorpus(string directory, CorpusServer server, string host)
    {
        var upstream = Path.Combine(directory, "upstream");
        TinyCorpus.Write(upstream);
        Train = File.ReadAllBytes(Path.Combine(upstream, "ud", "tiny", "train.conllu"));
        Dev = File.ReadAllBytes(Path.Combine(upstream, "ud", "tiny", "dev.conllu"));
        server.Serve(TrainPath, Train);
        server.Serve(DevPath, Dev);
        var json = JsonNode.Parse(TinyCorpus.Template("tiny", "tagger"))!.AsObject();
        json["training"]!["assets"] = new JsonArray(Asset("ud/tiny/train.conllu", host + TrainPath, Train), Asset("ud/tiny/dev.conllu", host + DevPath, Dev));
        TemplatePath = Path.Combine(directory, "meta-templates", "en_tiny.json");
        Directory.CreateDirectory(Path.GetDirectoryName(TemplatePath)!);
        File.WriteAllText(TemplatePath, json.ToJsonString());
        Template = ModelTemplate.Load(TemplatePath);
    }

    public byte[] Train { get; }

    public byte[] Dev { get; }

    public string TemplatePath { get; }

    public ModelTemplate Template { get; }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static JsonObject Asset(string dest, string url, byte[] bytes) => new()
    {
        ["dest"] = dest,
        ["url"] = url,
        ["sha256"] = Sha256(bytes),
        ["size"] = bytes.Length,
        ["license"] = "CC BY-SA 4.0",
    };
}
