using Pipeline.Build.Corpora;

namespace Pipeline.Build.Tests;

/// <summary>The Corpora target's resolver against a loopback HTTP server: downloads, the cache, resumes and refusals.</summary>
public sealed class CorporaTests : IDisposable
{
    private static readonly DownloadOptions Fast = new() { Attempts = 3, FirstDelay = TimeSpan.FromMilliseconds(1), StallTimeout = TimeSpan.FromSeconds(30) };

    private readonly TempDir _dir = new();
    private readonly CorpusServer _server = new();
    private readonly StringWriter _log = new();

    public CorporaTests()
    {
        Corpus = new AssetCorpus(_dir.Path, _server, _server.BaseUrl);
    }

    private AssetCorpus Corpus { get; }

    private string Cache => Path.Combine(_dir.Path, "cache");

    private string TrainInCache => Path.Combine(Cache, "ud", "tiny", "train.conllu");

    public void Dispose()
    {
        _server.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_fresh_download_is_verified_into_the_cache_and_a_second_run_makes_no_request()
    {
        var files = await Resolver().ResolveAsync([Corpus.Template], default);
        Assert.Equal(TrainInCache, files.Locate("ud/tiny/train.conllu"));
        Assert.Equal(Corpus.Train, File.ReadAllBytes(TrainInCache));
        Assert.Equal(Corpus.Dev, File.ReadAllBytes(Path.Combine(Cache, "ud", "tiny", "dev.conllu")));
        Assert.Equal(2, _server.Requests.Count);
        Assert.Empty(Directory.EnumerateFiles(Cache, "*.part", SearchOption.AllDirectories));

        var again = Resolver();
        var second = await again.ResolveAsync([Corpus.Template], default);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Empty(again.Downloaded);
        Assert.Equal(TrainInCache, second.Locate("ud/tiny/train.conllu"));
        Assert.Contains("2 verified in the cache", again.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flipped_byte_is_refused_with_both_hashes_and_nothing_is_kept()
    {
        var flipped = (byte[])Corpus.Train.Clone();
        flipped[10] ^= 1;
        _server.Serve(AssetCorpus.TrainPath, flipped);
        var error = await Assert.ThrowsAsync<BuildException>(() => Resolver().ResolveAsync([Corpus.Template], default));
        Assert.StartsWith("[E203]", error.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseUrl + AssetCorpus.TrainPath, error.Message, StringComparison.Ordinal);
        Assert.Contains(AssetCorpus.Sha256(Corpus.Train), error.Message, StringComparison.Ordinal);
        Assert.Contains(AssetCorpus.Sha256(flipped), error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(TrainInCache));
        Assert.False(File.Exists(TrainInCache + ".part"));
    }

    [Fact]
    public async Task An_interrupted_download_is_resumed_with_a_range_request()
    {
        _server.CutOnce(AssetCorpus.TrainPath, 100);
        await Resolver().ResolveAsync([Corpus.Template], default);
        Assert.Equal(Corpus.Train, File.ReadAllBytes(TrainInCache));
        var train = _server.Requests.Where(r => r.Path == AssetCorpus.TrainPath).ToList();
        Assert.Equal(2, train.Count);
        Assert.Null(train[0].Range);
        Assert.Equal("bytes=100-", train[1].Range);
    }

    [Fact]
    public async Task A_partial_file_left_by_an_earlier_run_is_resumed_and_never_used_as_it_is()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(TrainInCache)!);
        File.WriteAllBytes(TrainInCache + ".part", Corpus.Train[..50]);
        var files = await Resolver().ResolveAsync([Corpus.Template], default);
        Assert.Equal(Corpus.Train, File.ReadAllBytes(files.Locate("ud/tiny/train.conllu")));
        Assert.Equal("bytes=50-", _server.Requests.Single(r => r.Path == AssetCorpus.TrainPath).Range);
    }

    [Theory]
    [InlineData(404, 1)]
    [InlineData(500, 3)]
    public async Task An_http_error_is_named_with_the_file_the_url_and_the_status(int status, int requests)
    {
        _server.Fail(AssetCorpus.TrainPath, status);
        var error = await Assert.ThrowsAsync<BuildException>(() => Resolver().ResolveAsync([Corpus.Template], default));
        Assert.StartsWith("[E201]", error.Message, StringComparison.Ordinal);
        Assert.Contains("ud/tiny/train.conllu", error.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseUrl + AssetCorpus.TrainPath, error.Message, StringComparison.Ordinal);
        Assert.Contains($"HTTP {status}", error.Message, StringComparison.Ordinal);
        Assert.Contains(AssetCorpus.Sha256(Corpus.Train), error.Message, StringComparison.Ordinal);
        Assert.Equal(requests, _server.Requests.Count(r => r.Path == AssetCorpus.TrainPath));
        Assert.False(File.Exists(TrainInCache));
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_named()
    {
        var port = new Uri(_server.BaseUrl).Port;
        _server.Dispose();
        var error = await Assert.ThrowsAsync<BuildException>(() => Resolver().ResolveAsync([Corpus.Template], default));
        Assert.StartsWith("[E202]", error.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("--corpora-mirror", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_is_followed()
    {
        var moved = "/moved/tiny-ud-train.conllu";
        _server.Serve(moved, Corpus.Train);
        _server.Redirect(AssetCorpus.TrainPath, _server.BaseUrl + moved);
        await Resolver().ResolveAsync([Corpus.Template], default);
        Assert.Equal(Corpus.Train, File.ReadAllBytes(TrainInCache));
        Assert.Contains(_server.Requests, r => r.Path == moved);
    }

    [Fact]
    public async Task Offline_with_an_empty_cache_is_refused_without_a_request()
    {
        var error = await Assert.ThrowsAsync<BuildException>(() => Resolver(offline: true).ResolveAsync([Corpus.Template], default));
        Assert.StartsWith("[E204]", error.Message, StringComparison.Ordinal);
        Assert.Contains("ud/tiny", error.Message, StringComparison.Ordinal);
        Assert.Contains(TrainInCache.Replace("train", "dev", StringComparison.Ordinal) + " does not exist", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_matching_file_in_the_corpus_folder_is_used_and_one_that_differs_is_not()
    {
        var folder = Path.Combine(_dir.Path, "corpora");
        TinyCorpus.Write(folder);
        File.AppendAllText(Path.Combine(folder, "ud", "tiny", "dev.conllu"), "\n");
        var files = await Resolver(folder: folder).ResolveAsync([Corpus.Template], default);
        Assert.Equal(Path.Combine(folder, "ud", "tiny", "train.conllu"), files.Locate("ud/tiny/train.conllu"));
        Assert.Equal(Path.Combine(Cache, "ud", "tiny", "dev.conllu"), files.Locate("ud/tiny/dev.conllu"));
        Assert.Contains("warning W041", _log.ToString(), StringComparison.Ordinal);
        Assert.Equal([AssetCorpus.DevPath], _server.Requests.Select(r => r.Path));

        // Offline, with the cache gone, the differing file is refused and its hash named.
        Directory.Delete(Cache, recursive: true);
        var error = await Assert.ThrowsAsync<BuildException>(() => Resolver(folder: folder, offline: true).ResolveAsync([Corpus.Template], default));
        Assert.StartsWith("[E204]", error.Message, StringComparison.Ordinal);
        Assert.Contains(AssetCorpus.Sha256(File.ReadAllBytes(Path.Combine(folder, "ud", "tiny", "dev.conllu"))), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_cached_file_is_replaced()
    {
        await Resolver().ResolveAsync([Corpus.Template], default);
        File.WriteAllText(TrainInCache, "damaged");
        await Resolver().ResolveAsync([Corpus.Template], default);
        Assert.Equal(Corpus.Train, File.ReadAllBytes(TrainInCache));
        Assert.Contains("warning W042", _log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mirror_replaces_scheme_and_host_and_keeps_the_path()
    {
        var upstream = new AssetCorpus(Path.Combine(_dir.Path, "other"), _server, "https://raw.example.invalid");
        var mirrored = new CorpusResolver(Settings() with { Mirror = new Uri(_server.BaseUrl) }, _log, Downloader);
        await mirrored.ResolveAsync([upstream.Template], default);
        Assert.Equal(Corpus.Train, File.ReadAllBytes(TrainInCache));
        Assert.Equal(new Uri("http://m.example/base/Owner/x.conllu"), new CorpusAsset("x", new Uri("https://raw.example.invalid/Owner/x.conllu"), new string('0', 64), null, "MIT").Location(new Uri("http://m.example/base/")));
    }

    [Fact]
    public async Task A_file_without_an_asset_is_used_unchecked_with_a_warning_or_named_when_missing()
    {
        var plain = ModelTemplateFrom(TinyCorpus.Template("plain", "tagger"));
        var folder = Path.Combine(_dir.Path, "corpora");
        var error = await Assert.ThrowsAsync<BuildException>(() => Resolver(folder: folder).ResolveAsync([plain], default));
        Assert.StartsWith("[E200]", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(folder, "ud", "tiny", "dev.conllu"), error.Message, StringComparison.Ordinal);

        TinyCorpus.Write(folder);
        await Resolver(folder: folder).ResolveAsync([plain], default);
        Assert.Contains("warning W040", _log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_asset_is_named_with_its_field()
    {
        // train and dev of the tiny corpus are the same bytes, so both hashes become "abc"; the first is named.
        var text = File.ReadAllText(Corpus.TemplatePath).Replace(AssetCorpus.Sha256(Corpus.Dev), "abc", StringComparison.Ordinal);
        var error = Assert.Throws<BuildException>(() => ModelTemplateFrom(text.Replace("\"tiny\"", "\"bad\"", StringComparison.Ordinal)));
        Assert.StartsWith("[E205]", error.Message, StringComparison.Ordinal);
        Assert.Contains("training.assets[0].sha256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_corpora_target_downloads_through_a_mirror_once_then_train_reads_the_cache()
    {
        var mirrored = new AssetCorpus(_dir.Path, _server, "https://raw.example.invalid");
        Assert.Equal("en_tiny", mirrored.Template.Id);
        string[] args = ["--corpora", "no-such-folder", "--corpora-cache", Cache, "--corpora-mirror", _server.BaseUrl];
        var first = ToyRun.Run(new Build(new FakeProcessRunner()), _dir.Path, x => x.Package, args: ["Corpora", .. args]);
        Assert.True(first.Exit == 0, first.Output + first.Error);
        Assert.Contains("2 downloaded", first.Output, StringComparison.Ordinal);
        Assert.Equal(2, _server.Requests.Count);

        var second = ToyRun.Run(new Build(new FakeProcessRunner()), _dir.Path, x => x.Package, args: ["Train", "--epochs", "1", .. args]);
        Assert.True(second.Exit == 0, second.Output + second.Error);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Contains("2 verified in the cache", second.Output, StringComparison.Ordinal);
        var stamp = File.ReadAllText(Path.Combine(_dir.Path, "artifacts", "models", "en_tiny", "build-stamp.json"));
        Assert.Contains("\"corpus:ud/tiny/train.conllu\"", stamp, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_refuses_a_corpus_file_that_differs_from_its_hash()
    {
        var folder = Path.Combine(_dir.Path, "corpora");
        TinyCorpus.Write(folder);
        File.AppendAllText(Path.Combine(folder, "ud", "tiny", "train.conllu"), "# changed\n");
        var run = ToyRun.Run(new Build(new FakeProcessRunner()), _dir.Path, x => x.Package, args: ["Train", "--corpora", folder, "--offline", "--epochs", "1"]);
        Assert.NotEqual(0, run.Exit);
        Assert.Contains("[E204] Corpus file ud/tiny/train.conllu", run.Output + run.Error, StringComparison.Ordinal);
        Assert.Matches(@"Train\s+NotRun", run.Output);
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "artifacts", "models", "en_tiny")));
    }

    [Fact]
    public async Task A_failed_download_says_why_the_corpus_folder_copy_was_refused()
    {
        var folder = Path.Combine(_dir.Path, "corpora");
        TinyCorpus.Write(folder);
        File.AppendAllText(Path.Combine(folder, "ud", "tiny", "train.conllu"), "# changed\n");
        _server.Fail(AssetCorpus.TrainPath, 404);
        var error = await Assert.ThrowsAsync<BuildException>(() => Resolver(folder: folder).ResolveAsync([Corpus.Template], default));
        Assert.StartsWith("[E201]", error.Message, StringComparison.Ordinal);
        Assert.Contains(AssetCorpus.Sha256(File.ReadAllBytes(Path.Combine(folder, "ud", "tiny", "train.conllu"))), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_templates_that_give_one_file_different_hashes_are_refused()
    {
        var text = File.ReadAllText(Corpus.TemplatePath).Replace("\"tiny\"", "\"other\"", StringComparison.Ordinal)
            .Replace(AssetCorpus.Sha256(Corpus.Train), new string('a', 64), StringComparison.Ordinal);
        var other = ModelTemplateFrom(text);
        var error = await Assert.ThrowsAsync<BuildException>(() => Resolver().ResolveAsync([Corpus.Template, other], default));
        Assert.StartsWith("[E206] Corpus file ud/tiny/train.conllu", error.Message, StringComparison.Ordinal);
        Assert.Contains("en_other", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void A_mirror_that_is_not_an_http_url_is_refused()
    {
        var run = ToyRun.Run(new Build(new FakeProcessRunner()), _dir.Path, x => x.Package, args: ["Corpora", "--corpora-mirror", "ftp://mirror.example"]);
        Assert.NotEqual(0, run.Exit);
        Assert.Contains("[E207] --corpora-mirror is 'ftp://mirror.example'", run.Output + run.Error, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    private Models.ModelTemplate ModelTemplateFrom(string json)
    {
        var name = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("name").GetString();
        return Models.ModelTemplate.Load(_dir.File($"meta-templates/en_{name}.json", json));
    }

    private CorpusDownloader Downloader() => new(Fast, _log);

    private CorpusSettings Settings(string? folder = null, bool offline = false) => new()
    {
        Folder = folder ?? Path.Combine(_dir.Path, "no-corpora"),
        Cache = Cache,
        Offline = offline,
        Download = Fast,
    };

    private CorpusResolver Resolver(string? folder = null, bool offline = false) => new(Settings(folder, offline), _log, Downloader);
}
