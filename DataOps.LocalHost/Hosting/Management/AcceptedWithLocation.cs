using Microsoft.Net.Http.Headers;

namespace DataOps.LocalHost.Hosting.Management;

/// <summary>Writes a body result after setting the <c>Location</c> header.</summary>
internal sealed class AcceptedWithLocation(string location, IResult body) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers[HeaderNames.Location] = location;
        return body.ExecuteAsync(httpContext);
    }
}
