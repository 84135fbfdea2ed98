/* Camera check-in: scan badge QR codes with the device's camera. The browser's BarcodeDetector where it has one
   for QR codes, otherwise jsQR (served by the app from static/vendor/jsqr, never from a CDN). A decoded code
   goes into the form's "code" field and the form is sent: the same check-in as a USB scanner, with a beep and a
   vibration. The camera starts again after the page comes back, until it is stopped. */
(function () {
  "use strict";
  var box = document.querySelector("[data-camera]");
  if (!box || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { return; }
  var form = document.querySelector(box.getAttribute("data-camera"));
  if (!form) { return; }
  var field = form.querySelector("[name=code]");
  var toggle = box.querySelector("[data-camera-toggle]");
  var video = box.querySelector("video");
  var status = box.querySelector("[data-camera-status]");
  var canvas = document.createElement("canvas");
  var context = canvas.getContext("2d", { willReadFrequently: true });
  var KEY = "jobdating-camera:" + window.location.pathname;
  var stream = null, detector = null, timer = null;
  box.hidden = false;

  function feedback() {
    try { if (navigator.vibrate) { navigator.vibrate(150); } } catch (ignore) { /* no vibration motor */ }
    try {
      var Audio = window.AudioContext || window.webkitAudioContext;
      var audio = new Audio();
      var beep = audio.createOscillator();
      var gain = audio.createGain();
      beep.frequency.value = 880;
      gain.gain.value = 0.2;
      beep.connect(gain);
      gain.connect(audio.destination);
      beep.start();
      beep.stop(audio.currentTime + 0.15);
    } catch (ignore) { /* no sound */ }
  }

  function later(delay) { timer = window.setTimeout(scan, delay); }

  function seenJustNow(text) {
    // The badge just checked in is still in front of the camera when the page comes back: skip it a while.
    var last = JSON.parse(window.sessionStorage.getItem(KEY + ":last") || "null");
    return last && last.text === text && Date.now() - last.at < 8000;
  }

  function found(text) {
    if (seenJustNow(text)) { later(300); return; }
    window.sessionStorage.setItem(KEY + ":last", JSON.stringify({ text: text, at: Date.now() }));
    stop(false);
    feedback();
    field.value = text;
    status.textContent = box.getAttribute("data-label-found");
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  }

  function scan() {
    if (!stream) { return; }
    if (video.readyState < 2 || !video.videoWidth) { later(150); return; }
    if (detector) {
      detector.detect(video).then(function (codes) {
        if (codes.length && codes[0].rawValue) { found(codes[0].rawValue); } else { later(150); }
      }).catch(function () { detector = null; box.setAttribute("data-camera-engine", "jsqr"); later(150); });
      return;
    }
    var width = video.videoWidth, height = video.videoHeight;
    canvas.width = width;
    canvas.height = height;
    context.drawImage(video, 0, 0, width, height);
    var code = window.jsQR ? window.jsQR(context.getImageData(0, 0, width, height).data, width, height,
                                         { inversionAttempts: "attemptBoth" }) : null;
    if (code && code.data) { found(code.data); } else { later(200); }
  }

  function chooseEngine() {
    if (!("BarcodeDetector" in window)) { return Promise.resolve(null); }
    return window.BarcodeDetector.getSupportedFormats().then(function (formats) {
      return formats.indexOf("qr_code") >= 0 ? new window.BarcodeDetector({ formats: ["qr_code"] }) : null;
    }).catch(function () { return null; });
  }

  function start() {
    status.textContent = box.getAttribute("data-label-starting");
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false }).then(function (s) {
      stream = s;
      video.srcObject = s;
      video.hidden = false;
      video.play();
      window.sessionStorage.setItem(KEY, "on");
      toggle.textContent = toggle.getAttribute("data-label-stop");
      return chooseEngine();
    }).then(function (engine) {
      detector = engine;
      box.setAttribute("data-camera-engine", engine ? "barcode-detector" : "jsqr");
      status.textContent = box.getAttribute("data-label-ready");
      scan();
    }).catch(function () {
      window.sessionStorage.removeItem(KEY);
      status.textContent = box.getAttribute("data-label-refused");
    });
  }

  function stop(forget) {
    window.clearTimeout(timer);
    if (stream) { stream.getTracks().forEach(function (track) { track.stop(); }); }
    stream = null;
    video.hidden = true;
    toggle.textContent = toggle.getAttribute("data-label-start");
    if (forget) { window.sessionStorage.removeItem(KEY); status.textContent = ""; }
  }

  toggle.addEventListener("click", function () { if (stream) { stop(true); } else { start(); } });
  if (window.sessionStorage.getItem(KEY) === "on") { start(); }
}());
