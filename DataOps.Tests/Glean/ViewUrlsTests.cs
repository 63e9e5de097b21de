using System.Text.RegularExpressions;
using DataOps.Glean.Model;

namespace DataOps.Tests.Glean;

public sealed class ViewUrlsTests
{
    [Fact]
    public void BaseFrom_MixedUrls_PicksTheMostCommonHost()
    {
        var root = ViewUrls.BaseFrom(["https://a.example.com/x", "https://b.example.com/y", "https://b.example.com/z", "not a url", null]);

        Assert.Equal(new Uri("https://b.example.com/"), root);
    }

    [Fact]
    public void BaseFrom_NoHttpUrl_IsNull() => Assert.Null(ViewUrls.BaseFrom(["ftp://x/y", "relative/path"]));

    [Fact]
    public void RegexFor_Root_MatchesUrlsUnderItOnly()
    {
        var regex = new Regex(ViewUrls.RegexFor(new Uri("https://acme.example.com/wiki/")));

        Assert.Matches(regex, "https://acme.example.com/wiki/spaces/ENG/pages/1");
        Assert.DoesNotMatch(regex, "https://acme.example.com.evil.org/x");
        Assert.DoesNotMatch(regex, "http://acme.example.com/x");
    }

    [Fact]
    public void Canonical_Id_IsEscapedAndMatchesTheRegex()
    {
        var root = new Uri("https://acme.example.com/");

        var url = ViewUrls.Canonical(root, "Page", "a b/c");

        Assert.Equal("https://acme.example.com/page/a%20b%2Fc", url);
        Assert.Matches(ViewUrls.RegexFor(root), url);
    }
}
