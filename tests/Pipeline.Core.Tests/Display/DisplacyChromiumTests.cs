using Pipeline.Display;

namespace Pipeline.Tests.Display;

public class DisplacyChromiumTests
{
    [ChromiumFact]
    public void BrowserShowsThePluginColorOfACustomLabel()
    {
        Assert.True(Chromium.Path is not null, Chromium.MissingMessage);
        var nlp = Nlp.Blank("snk");
        nlp.AddPipe(nlp.CreatePipe("snek"));
        var html = Displacy.Render(nlp.Process("Ann saw a snake & a <python>"), "ent");

        // The browser computes each mark's background; a probe script writes the result into the DOM it dumps.
        const string Probe = "<script>document.body.setAttribute('data-computed', Array.from(document.querySelectorAll('mark.entity'))" +
            ".map(function (m) { return m.getAttribute('data-label') + '=' + getComputedStyle(m).backgroundColor; }).join(';'));</script>";
        using var dir = new TempDir();
        var file = dir["ent.html"];
        File.WriteAllText(file, html.Replace("</body>", Probe + "</body>", StringComparison.Ordinal));

        var dom = Chromium.DumpDom(file);
        Assert.Contains("SNAKE=rgb(46, 139, 87)", dom); // #2e8b57, from the Snek plugin's DisplacyColors.
        Assert.Contains("&lt;", dom);
        Assert.DoesNotContain("<python>", dom); // The text stayed text: no element was injected.
    }
}
