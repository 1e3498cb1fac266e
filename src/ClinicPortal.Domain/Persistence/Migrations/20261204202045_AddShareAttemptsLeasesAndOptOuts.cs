using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicPortal.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddShareAttemptsLeasesAndOptOuts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AttemptCount",
                table: "ProgressShares",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseExpiresAtUtc",
                table: "ProgressShares",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "ProgressShares",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextAttemptAtUtc",
                table: "ProgressShares",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResendRequestedByUserId",
                table: "ProgressShares",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmergencyContactUndeliverableCode",
                table: "Patients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContactOptOuts",
                columns: table => new
                {
                    PhoneNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OptedOutAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactOptOuts", x => x.PhoneNumber);
                });

            migrationBuilder.CreateTable(
                name: "ShareAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ShareId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecipientPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ErrorCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ErrorMessage = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DurationMs = table.Column<long>(type: "INTEGER", nullable: true),
                    RequestedByUserId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShareAttempts_ProgressShares_ShareId",
                        column: x => x.ShareId,
                        principalTable: "ProgressShares",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ShareStatusCallbacks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ShareId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProviderStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ErrorCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Applied = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareStatusCallbacks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShareStatusCallbacks_ProgressShares_ShareId",
                        column: x => x.ShareId,
                        principalTable: "ProgressShares",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressShares_ProviderMessageId",
                table: "ProgressShares",
                column: "ProviderMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_ShareAttempts_ShareId_Number",
                table: "ShareAttempts",
                columns: new[] { "ShareId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ShareAttempts_StartedAtUtc",
                table: "ShareAttempts",
                column: "StartedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ShareStatusCallbacks_ShareId",
                table: "ShareStatusCallbacks",
                column: "ShareId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactOptOuts");

            migrationBuilder.DropTable(
                name: "ShareAttempts");

            migrationBuilder.DropTable(
                name: "ShareStatusCallbacks");

            migrationBuilder.DropIndex(
                name: "IX_ProgressShares_ProviderMessageId",
                table: "ProgressShares");

            migrationBuilder.DropColumn(
                name: "AttemptCount",
                table: "ProgressShares");

            migrationBuilder.DropColumn(
                name: "LeaseExpiresAtUtc",
                table: "ProgressShares");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "ProgressShares");

            migrationBuilder.DropColumn(
                name: "NextAttemptAtUtc",
                table: "ProgressShares");

            migrationBuilder.DropColumn(
                name: "ResendRequestedByUserId",
                table: "ProgressShares");

            migrationBuilder.DropColumn(
                name: "EmergencyContactUndeliverableCode",
                table: "Patients");
        }
    }
}
