; KeHoach Desktop: the Windows installer. Per user, no administrator rights (NSIS 3, Modern UI 2).
;
; build/build.py compiles it after PyInstaller, with warnings as errors:
;   makensis -WX -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DFILE_VERSION=0.1.0.0 ^
;     -DBUNDLE_DIR=dist\kehoach-desktop -DOUT_FILE=dist\KeHoach-Desktop-Setup-0.1.0.exe ^
;     -DICON_FILE=resources\icons\kehoach.ico build\installer.nsi
;
; Installs into %LOCALAPPDATA%\Programs\KeHoach Desktop, makes Start-menu and desktop shortcuts
; and registers the uninstaller for this user (HKCU). The user's data is never in the program
; folder: it is in %APPDATA%\KeHoach (kehoach_desktop/paths.py). Installing a new version over
; an old one replaces the program files only; uninstalling keeps the data unless the user ticks
; the box on the uninstaller's "your data" page.

Unicode true
ManifestDPIAware true
ManifestSupportedOS all  ; Windows 10/11 report their real version (WinVer.nsh, AtLeastWin10)
!ifdef CHECK_ONLY
  SetCompress off  ; build/build.py on Linux only proves the script: no need to spend minutes on LZMA
!else
  SetCompressor /SOLID lzma
!endif
RequestExecutionLevel user

!macro REQUIRE NAME
  !ifndef ${NAME}
    !error "Give -D${NAME}=... on the makensis command line (see the top of this file)"
  !endif
!macroend
!insertmacro REQUIRE VERSION
!insertmacro REQUIRE FILE_VERSION
!insertmacro REQUIRE BUNDLE_DIR
!insertmacro REQUIRE OUT_FILE
!insertmacro REQUIRE ICON_FILE

!define PRODUCT "KeHoach Desktop"
!define APP_EXE "kehoach-desktop.exe"
!define CLI_EXE "kehoach.exe"
!define DATA_DIR_NAME "KeHoach"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\KeHoachDesktop"
!define SETTINGS_KEY "Software\KeHoach Desktop"

Name "${PRODUCT}"
OutFile "${OUT_FILE}"
InstallDir "$LOCALAPPDATA\Programs\${PRODUCT}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
BrandingText "${PRODUCT} ${VERSION}"
ShowInstDetails nevershow
ShowUninstDetails nevershow

!include "MUI2.nsh"
!include "nsDialogs.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "WinVer.nsh"
!include "x64.nsh"

!define MUI_ICON "${ICON_FILE}"
!define MUI_UNICON "${ICON_FILE}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${SETTINGS_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
UninstPage custom un.DataPage un.DataPageLeave
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default one.
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString SecProgram ${LANG_VIETNAMESE} "KeHoach Desktop (bắt buộc)"
LangString SecProgram ${LANG_ENGLISH} "KeHoach Desktop (required)"
LangString SecDesktop ${LANG_VIETNAMESE} "Biểu tượng trên màn hình nền"
LangString SecDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString DescProgram ${LANG_VIETNAMESE} "Chương trình, lệnh kehoach và lối tắt trong menu Start."
LangString DescProgram ${LANG_ENGLISH} "The program, the kehoach command and the Start-menu shortcut."
LangString DescDesktop ${LANG_VIETNAMESE} "Đặt biểu tượng KeHoach Desktop lên màn hình nền."
LangString DescDesktop ${LANG_ENGLISH} "Put a KeHoach Desktop icon on the desktop."
LangString MsgAppRunning ${LANG_VIETNAMESE} "KeHoach Desktop đang chạy. Hãy đóng chương trình rồi bấm Retry (Thử lại)."
LangString MsgAppRunning ${LANG_ENGLISH} "KeHoach Desktop is running. Close it, then click Retry."
LangString MsgNeedsWin10 ${LANG_VIETNAMESE} "KeHoach Desktop cần Windows 10 hoặc mới hơn, bản 64-bit."
LangString MsgNeedsWin10 ${LANG_ENGLISH} "KeHoach Desktop needs 64-bit Windows 10 or later."
LangString DataTitle ${LANG_VIETNAMESE} "Dữ liệu của bạn"
LangString DataTitle ${LANG_ENGLISH} "Your data"
LangString DataSubtitle ${LANG_VIETNAMESE} "Các kế hoạch đã lập được giữ lại, trừ khi bạn chọn xoá."
LangString DataSubtitle ${LANG_ENGLISH} "Your plans are kept unless you choose to delete them."
LangString DataText ${LANG_VIETNAMESE} "Cơ sở dữ liệu (các kế hoạch, tiến độ) và các bản sao lưu tự động nằm trong thư mục dưới đây. Gỡ cài đặt giữ nguyên thư mục này: cài lại hoặc cài bản mới thì dữ liệu vẫn còn đủ."
LangString DataText ${LANG_ENGLISH} "The database (plans, progress) and its automatic backups are in the folder below. Uninstalling keeps this folder, so a reinstall or a newer version finds all the data again."
LangString DataDelete ${LANG_VIETNAMESE} "Xoá luôn toàn bộ dữ liệu và bản sao lưu (không thể khôi phục)"
LangString DataDelete ${LANG_ENGLISH} "Also delete all data and backups (cannot be undone)"

VIProductVersion "${FILE_VERSION}"
VIFileVersion "${FILE_VERSION}"
!macro VERSION_KEYS LANG
  VIAddVersionKey /LANG=${LANG} "ProductName" "${PRODUCT}"
  VIAddVersionKey /LANG=${LANG} "ProductVersion" "${VERSION}"
  VIAddVersionKey /LANG=${LANG} "FileVersion" "${VERSION}"
  VIAddVersionKey /LANG=${LANG} "FileDescription" "${PRODUCT} Setup"
  VIAddVersionKey /LANG=${LANG} "CompanyName" "${PRODUCT}"
  VIAddVersionKey /LANG=${LANG} "LegalCopyright" "MIT"
!macroend
!insertmacro VERSION_KEYS ${LANG_VIETNAMESE}
!insertmacro VERSION_KEYS ${LANG_ENGLISH}

Var RemoveDataBox
Var RemoveData

Function .onInit
  SetShellVarContext current
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "$(MsgNeedsWin10)" /SD IDOK
    Abort
  ${EndIf}
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

; A running program keeps its .exe locked: ask the user to close it instead of failing halfway.
!macro DELETE_OR_ASK FILE
  ${If} ${FileExists} "${FILE}"
    ${Do}
      ClearErrors
      Delete "${FILE}"
      ${IfNot} ${Errors}
        ${Break}
      ${EndIf}
      ${If} ${Cmd} `MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(MsgAppRunning)" /SD IDCANCEL IDCANCEL`
        Abort
      ${EndIf}
    ${Loop}
  ${EndIf}
!macroend

Section "!$(SecProgram)" SecProgram
  SectionIn RO
  ; An upgrade: remove the old program files (never the data, which is not in $INSTDIR).
  !insertmacro DELETE_OR_ASK "$INSTDIR\${APP_EXE}"
  !insertmacro DELETE_OR_ASK "$INSTDIR\${CLI_EXE}"
  RMDir /r "$INSTDIR\_internal"

  SetOutPath "$INSTDIR"
  File /r "${BUNDLE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PRODUCT}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

Section "$(SecDesktop)" SecDesktop
  CreateShortCut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecProgram} "$(DescProgram)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(DescDesktop)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; --- uninstaller ------------------------------------------------------------------------------

Function un.onInit
  SetShellVarContext current
  StrCpy $RemoveData ${BST_UNCHECKED}
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Function un.DataPage
  !insertmacro MUI_HEADER_TEXT "$(DataTitle)" "$(DataSubtitle)"
  nsDialogs::Create 1018
  Pop $0
  ${If} $0 == error
    Abort
  ${EndIf}
  ${NSD_CreateLabel} 0 0 100% 48u "$(DataText)"
  Pop $0
  ${NSD_CreateText} 0 54u 100% 12u "$APPDATA\${DATA_DIR_NAME}"
  Pop $0
  SendMessage $0 ${EM_SETREADONLY} 1 0
  ${NSD_CreateCheckbox} 0 80u 100% 12u "$(DataDelete)"
  Pop $RemoveDataBox
  ${NSD_SetState} $RemoveDataBox $RemoveData
  nsDialogs::Show
FunctionEnd

Function un.DataPageLeave
  ${NSD_GetState} $RemoveDataBox $RemoveData
FunctionEnd

Section "Uninstall"
  !insertmacro DELETE_OR_ASK "$INSTDIR\${APP_EXE}"
  !insertmacro DELETE_OR_ASK "$INSTDIR\${CLI_EXE}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\uninstall.exe"
  ; Only if empty: whatever the user put into the folder stays.
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  Delete "$DESKTOP\${PRODUCT}.lnk"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"

  ${If} $RemoveData == ${BST_CHECKED}
    RMDir /r "$APPDATA\${DATA_DIR_NAME}"
    DeleteRegKey HKCU "Software\${DATA_DIR_NAME}"  ; the app's window layout and last plan (QSettings)
  ${EndIf}
SectionEnd
