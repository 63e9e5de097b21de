namespace DataOps.GleanEmulator;

/// <summary>Entry point of the local Glean emulator.</summary>
public static class Program
{
    /// <summary>Starts the emulator on its default port (7081).</summary>
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://127.0.0.1:7081");
        var app = builder.Build();
        app.MapGet("/", () => Results.Ok(new { service = "glean-emulator" }));
        app.Run();
    }
}
