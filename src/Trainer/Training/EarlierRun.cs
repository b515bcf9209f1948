using Pipeline.IO;
using Pipeline.Serialization;

namespace Pipeline.Trainer.Training;

/// <summary>
/// Which model folders of a training folder (<c>model&lt;N&gt;</c>, <c>model-final</c>, <c>model-best</c>) provably
/// belong to the run recorded in its <c>training-state.json</c>, so that training only ever removes or replaces
/// those. A folder is the run's when the state is readable and the folder is a real folder (not a symbolic link)
/// that holds <c>meta.json</c> and none of the run's input files, and whose model files are a checkpoint the state
/// lists: <c>model&lt;N&gt;</c> by its own recorded hash; <c>model-final</c> and <c>model-best</c> by the hash of
/// any listed checkpoint (model-best also by that of the per-component model-best the state records), or by holding exactly the files (by name) of a listed checkpoint that is intact. The
/// checkpoint the state records as pending (a run stopped between putting it in place and recording its epoch) is
/// the run's too when its model files hash to the recorded value. Anything else in the way stops training with E116,
/// before the corpora are read.
/// </summary>
internal sealed class EarlierRun
{
    private const string Final = "model-final";
    private const string Best = "model-best";
    private const string Meta = "meta.json";

    private readonly string _output;
    private readonly TrainingState? _state;
    private readonly IReadOnlyList<(string What, string Path)> _inputs;
    private List<string>? _checkpointFiles;
    private bool _checkpointFilesRead;

    /// <summary>The run in <paramref name="output"/> as <paramref name="state"/> records it (null: none is readable).</summary>
    public EarlierRun(string output, TrainingState? state, IReadOnlyList<(string What, string Path)> inputs)
    {
        _output = output;
        _state = state;
        _inputs = inputs;
    }

    /// <summary>The state of <paramref name="output"/> when it is there and readable, else null (nothing is then provable).</summary>
    public static TrainingState? TryReadState(string output)
    {
        var path = Path.Combine(output, TrainingState.FileName);
        try
        {
            return File.Exists(path) ? TrainingState.Read(path) : null;
        }
        catch (Exception e) when (e is PipelineException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// For a fresh start: every model folder in the output, each proven to be the earlier run's (E116 for the first
    /// that is not, or when an input file is one that training writes).
    /// </summary>
    public List<string> ClaimAll()
    {
        CheckWrittenFiles();
        if (!Directory.Exists(_output))
        {
            return [];
        }

        var folders = Directory.EnumerateDirectories(_output)
            .Where(d => TrainingOutput.IsModelFolderName(Path.GetFileName(d)))
            .Order(StringComparer.Ordinal)
            .ToList();
        // A folder that holds an input of the run is named first: that is the one not to lose.
        foreach (var folder in folders.OrderBy(f => HeldInput(f) is null))
        {
            Claim(folder);
        }

        return folders;
    }

    /// <summary>
    /// For a resume to <paramref name="epochs"/> epochs: E116 unless every folder the run will replace (the
    /// checkpoints after the listed ones, model-final, model-best) that is there is the run's.
    /// </summary>
    public void ClaimReplaced(int epochs)
    {
        CheckWrittenFiles();
        var listed = _state?.Epochs.Count ?? 0;
        var names = Enumerable.Range(listed, Math.Max(0, epochs - listed)).Select(i => $"model{i}").Append(Final).Append(Best);
        foreach (var name in names)
        {
            var folder = Path.Combine(_output, name);
            if (Directory.Exists(folder))
            {
                Claim(folder);
            }
        }
    }

    /// <summary>
    /// Whether model-final is the run's last checkpoint and model-best is <paramref name="best"/>: a copy of its
    /// checkpoint, or for a per-component choice the model recorded in the state for exactly those epochs.
    /// </summary>
    public bool Finished(ModelBestChoice best) =>
        _state is { Epochs.Count: > 0 } state
        && IsCheckpoint(Path.Combine(_output, Final), state.Epochs[^1].ModelHash)
        && (best.PerComponent
            ? state.ModelBest is { } assembled && assembled.IsOf(best) && IsCheckpoint(Path.Combine(_output, Best), assembled.ModelHash)
            : IsCheckpoint(Path.Combine(_output, Best), state.Epochs[best.Epoch].ModelHash));

    private void Claim(string folder)
    {
        var name = Path.GetFileName(folder);
        if (new DirectoryInfo(folder).LinkTarget is not null)
        {
            throw TrainerErrors.TrainingOutputNotOurs(_output, name, "is a symbolic link");
        }

        if (HeldInput(folder) is { } input)
        {
            throw TrainerErrors.TrainingOutputNotOurs(_output, name, $"holds the {input.What} '{input.Path}'");
        }

        if (_state is null)
        {
            throw TrainerErrors.TrainingOutputNotOurs(
                _output, name, $"is not a checkpoint of an earlier run: the folder has no readable {TrainingState.FileName} listing it");
        }

        if (!File.Exists(Path.Combine(folder, Meta)))
        {
            throw TrainerErrors.TrainingOutputNotOurs(_output, name, $"has no {Meta}, so it is not a checkpoint");
        }

        var listed = _state.Epochs.Count;

        // The checkpoint the run was putting in place when it stopped (recorded before the folder appeared).
        if (_state.Pending is { } pending && pending.Folder == name && IsCheckpoint(folder, pending.ModelHash))
        {
            return;
        }

        if (name is not (Final or Best))
        {
            var index = int.TryParse(name.AsSpan(5), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : -1;
            if (index < 0 || index >= listed || $"model{index}" != name)
            {
                throw TrainerErrors.TrainingOutputNotOurs(
                    _output, name, $"is not among the checkpoints {TrainingState.FileName} lists ({Listed(listed)})");
            }

            if (!IsCheckpoint(folder, _state.Epochs[index].ModelHash))
            {
                throw TrainerErrors.TrainingOutputNotOurs(
                    _output, name, $"differs from the checkpoint recorded in {TrainingState.FileName} (a file was added, removed or changed)");
            }

            return;
        }

        var hash = HashOf(folder);
        if (!_state.Epochs.Any(e => e.ModelHash == hash) && (name != Best || hash != _state.ModelBest?.ModelHash) && !HasCheckpointFiles(folder))
        {
            throw TrainerErrors.TrainingOutputNotOurs(
                _output, name, $"holds other files than the checkpoints {TrainingState.FileName} lists ({Listed(listed)})");
        }
    }

    // The first input of the run inside the folder, if any.
    private (string What, string Path)? HeldInput(string folder)
    {
        foreach (var input in _inputs)
        {
            if (Inside(folder, input.Path))
            {
                return input;
            }
        }

        return null;
    }

    // E116 when an input file is one that training writes (over) in the output folder.
    private void CheckWrittenFiles()
    {
        foreach (var file in new[] { TrainingState.FileName, TrainingLog.FileName, Output.ReportWriter.FileName })
        {
            var written = Path.Combine(_output, file);
            foreach (var (what, path) in _inputs)
            {
                if (SamePath(written, path))
                {
                    throw TrainerErrors.TrainingOutputNotOurs(_output, file, $"is the {what} '{path}'");
                }
            }
        }
    }

    /// <summary>Whether the folder is a real folder with meta.json whose model files hash to <paramref name="expected"/>.</summary>
    internal static bool IsCheckpoint(string folder, string expected) =>
        Directory.Exists(folder)
        && new DirectoryInfo(folder).LinkTarget is null
        && File.Exists(Path.Combine(folder, Meta))
        && HashOf(folder) == expected;

    // The hash of the folder's model files, or null when they cannot be read.
    private static string? HashOf(string folder)
    {
        try
        {
            return ModelHash.OfDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Whether the folder holds exactly the model files (by name) of a listed checkpoint that is intact.
    private bool HasCheckpointFiles(string folder)
    {
        if (!_checkpointFilesRead)
        {
            _checkpointFilesRead = true;
            for (var i = _state!.Epochs.Count - 1; i >= 0 && _checkpointFiles is null; i--)
            {
                var checkpoint = Path.Combine(_output, $"model{i}");
                if (IsCheckpoint(checkpoint, _state.Epochs[i].ModelHash))
                {
                    _checkpointFiles = ModelHash.Files(checkpoint);
                }
            }
        }

        try
        {
            return _checkpointFiles is not null && ModelHash.Files(folder).SequenceEqual(_checkpointFiles, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Listed(int count) => count switch
    {
        0 => "none",
        1 => "model0",
        _ => $"model0 to model{count - 1}",
    };

    // As written or once links are followed (an input reached through a link into the folder is inside it too).
    private static bool Inside(string folder, string path)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).StartsWith(root, PathComparison) || RealInside(folder, path);
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), PathComparison) || string.Equals(Real(a), Real(b), PathComparison);

    private static bool RealInside(string folder, string path)
    {
        try
        {
            return RootedPath.IsSameOrInside(path, folder);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string? Real(string path)
    {
        try
        {
            return RootedPath.Real(path);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static StringComparison PathComparison => OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
}
