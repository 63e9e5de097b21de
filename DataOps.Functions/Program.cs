namespace DataOps.Functions;

/// <summary>Entry point of the DataOps Lifecycle function host.</summary>
public static class Program
{
    /// <summary>Starts the host on the Functions default port (7071).</summary>
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.UseUrls(builder.Configuration["Host:Urls"] ?? "http://127.0.0.1:7071");
        var app = builder.Build();
        app.MapGet("/api/health", () => Results.Ok(new { status = "starting" }));
        app.Run();
    }
}
