

using DataOps.Glean.Errors;
using DataOps.Glean.Http;
namespace DataOps.Tests.Glean;

public sealed class GleanErrorTests
{
    [Fact]
    public void Redact_TextEchoingTheToken_RemovesIt()
    {
        var text = GleanHttp.Redact("bad token 's3cr3t-token' for s3cr3t-token", "s3cr3t-token");

        Assert.DoesNotContain("s3cr3t-token", text, StringComparison.Ordinal);
        Assert.Contains("[redacted]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_NoToken_LeavesTextAlone() => Assert.Equal("x", GleanHttp.Redact("x", null));

    [Fact]
    public void Exception_Kind_SaysWhetherItIsTransient()
    {
        var cases = new (GleanException Error, bool Transient)[]
        {
            (new GleanBadRequestException("op", "m"), false),
            (new GleanUnauthorizedException("op", "m"), false),
            (new GleanForbiddenException("op", "m"), false),
            (new GleanConflictException("op", "m"), false),
            (new GleanPayloadTooLargeException("op", "m"), false),
            (new GleanNotFoundException("op", "m"), false),
            (new GleanRateLimitedException("op", "m"), true),
            (new GleanUnavailableException("op", "m"), true),
        };

        Assert.All(cases, c =>
        {
            Assert.Equal(c.Transient, c.Error.IsTransient);
            Assert.Equal("op", c.Error.Operation);
        });
    }
}
