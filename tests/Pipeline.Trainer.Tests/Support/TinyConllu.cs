namespace Pipeline.Trainer.Tests.Support;

/// <summary>The smallest valid CoNLL-U corpus the command tests train and parse on: one three-token sentence.</summary>
public static class TinyConllu
{
    /// <summary>"Bob runs." with heads, labels and tags.</summary>
    public const string Text =
        "# sent_id = s1\n# text = Bob runs.\n" +
        "1\tBob\tBob\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n" +
        "2\truns\trun\tVERB\tVBZ\t_\t0\troot\t_\tSpaceAfter=No\n" +
        "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
}
